namespace Meterchat.Pages.Help;

/// <summary>One help page: its address under /help, its title and the one-line summary the index shows.</summary>
public sealed record HelpTopic(string Slug, string Title, string Summary);
