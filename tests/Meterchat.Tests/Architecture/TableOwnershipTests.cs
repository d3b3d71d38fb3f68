using ArchUnitNET.Domain.Dependencies;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Tests.Architecture;

/// <summary>
/// Only a feature's own folder touches its tables (DESIGN.md: a feature is reached through its services). A table is an
/// entity with an <see cref="IEntityTypeConfiguration{TEntity}"/>; its feature is the namespace of that configuration.
/// Outside the feature no code calls <c>DbContext.Set&lt;TEntity&gt;()</c> for it. Using the entity type itself is
/// allowed: a feature's service may hand out its rows (<c>IChatSessions</c> returns <c>ChatSessionRow</c>).
/// </summary>
public sealed class TableOwnershipTests
{
    private const string Console = "The admin console joins users with reports, flags, withdrawals or sessions in one SQL query per list; split per feature it would be several round trips per row.";
    private const string Health = "Health checks and the cached gauges sit at the top of the stack and count rows across features on a timer.";

    /// <summary>Known readers of another feature's table, each with why it stays for now (the using type's full name, the entity's name).</summary>
    private static readonly Dictionary<(string User, string Entity), string> Excepted = new()
    {
        [("Meterchat.Admin.Dashboard.AdminDashboard", "LedgerAccount")] = Console,
        [("Meterchat.Admin.Moderation.ReportQueue", "Report")] = Console,
        [("Meterchat.Admin.Users.UserDirectory", "FraudFlag")] = Console,
        [("Meterchat.Admin.Users.UserDirectory", "Report")] = Console,
        [("Meterchat.Admin.Users.UserDirectory", "Withdrawal")] = Console,
        [("Meterchat.Hosting.Health.SystemFiguresRefresher", "ChatSessionRow")] = Health,
        [("Meterchat.Hosting.Health.SystemFiguresRefresher", "DepositClaim")] = Health,
        [("Meterchat.Hosting.Health.SystemFiguresRefresher", "LedgerAccount")] = Health,
        [("Meterchat.Hosting.Health.SystemFiguresRefresher", "Withdrawal")] = Health,
        [("Meterchat.Hosting.Health.WatcherHealthCheck", "ChainCursor")] = Health,
        [("Meterchat.Pages.Dev.OutboxModel", "OutboxMail")] = "A development-only page that lists the mail outbox.",
    };

    [Fact]
    public void Only_the_owning_feature_references_its_table_entities()
    {
        var owners = AppCode.App.GetTypes()
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                .Select(i => (Entity: i.GetGenericArguments()[0], Feature: Feature(t.Namespace!))))
            .ToDictionary(e => e.Entity.FullName!, e => e.Feature, StringComparer.Ordinal);

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in AppCode.Architecture.Types.Where(t => t.Namespace?.FullName.StartsWith("Meterchat.", StringComparison.Ordinal) == true))
        {
            var feature = Feature(type.Namespace.FullName);
            foreach (var entity in TablesQueriedBy(type))
            {
                if (owners.TryGetValue(entity.FullName, out var owner) && owner != feature && !Excepted.ContainsKey((Outer(type.FullName), entity.Name)))
                {
                    found.Add($"{Outer(type.FullName)} queries {entity.Name} of {owner}");
                }
            }
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void Every_excepted_reader_still_reads_that_table()
    {
        var uses = AppCode.Architecture.Types.SelectMany(t => TablesQueriedBy(t).Select(e => (Outer(t.FullName), e.Name))).ToHashSet();

        Assert.All(Excepted.Keys, key => Assert.Contains(key, uses));
    }

    /// <summary>The entity types a type queries through <c>DbContext.Set&lt;T&gt;()</c>.</summary>
    private static IEnumerable<ArchUnitNET.Domain.IType> TablesQueriedBy(ArchUnitNET.Domain.IType type) =>
        type.Dependencies.OfType<MethodCallDependency>()
            .Where(call => call.TargetMember.Name.StartsWith("Set", StringComparison.Ordinal)
                && call.TargetMember.DeclaringType.FullName == typeof(DbContext).FullName)
            .SelectMany(call => call.TargetMemberGenericArguments.Select(argument => argument.Type));

    private static string Feature(string ns) => ns.Split('.') is [_, var feature, ..] ? feature : ns;

    // Lambdas, iterators and async state machines are nested types; the reader is the type that holds them.
    private static string Outer(string fullName) => fullName.Split('+')[0];
}
