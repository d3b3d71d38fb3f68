namespace Meterchat.Accounts;

/// <summary>
/// The terminal of the person who started the app, apart from the logs: the only place a secret may be shown.
/// Interactive only when a person is at it (not redirected to a file or a log collector).
/// </summary>
public class OperatorConsole
{
    public virtual bool IsInteractive => Environment.UserInteractive && !Console.IsOutputRedirected;

    public virtual TextWriter Out => Console.Out;
}
