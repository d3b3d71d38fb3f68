namespace Meterchat.BrowserTests.Infrastructure;

/// <summary>The accessibility and storefront tests share one seeded app and browser (<see cref="MainPagesApp"/>).</summary>
[CollectionDefinition(Name)]
public sealed class MainPagesCollection : ICollectionFixture<MainPagesApp>
{
    public const string Name = "Main pages";
}
