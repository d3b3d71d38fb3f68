using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Meterchat.Tests.Architecture;

/// <summary>
/// The rules that must stay pure: the chat state machine (the <c>Meterchat.Chats</c> namespace itself, not its
/// Live/Store/Relay subfolders), the ledger's money types and the TRON wire format decide money, so they are plain C# that
/// a unit test or an outside verifier can run without a database or a web host.
/// </summary>
public sealed class PureCoreTests
{
    private const string WebOrDatabase = @"Microsoft\.(EntityFrameworkCore|AspNetCore)(\..*)?";

    private static readonly System.Reflection.Assembly App = AppCode.App;
    private static readonly System.Reflection.Assembly Tron = AppCode.Tron;

    /// <summary>The ledger's value types and rules; the ledger's entities, SQL and endpoints are its I/O.</summary>
    private static readonly string[] LedgerMoneyTypes =
    [
        "Micros", "TokenRate", "AccountRef", "AccountKind", "Leg", "TransferRequest", "TransferKind", "TransferStatus", "TransferResult", "RefundSplit",
    ];

    /// <summary>The withdrawal's state machine and the request rules (the entity carries no EF attributes: its mapping is separate).</summary>
    private static readonly string[] WithdrawalRuleTypes =
    [
        "Withdrawal", "WithdrawalStatus", "WithdrawalTransitions", "WithdrawalTransitionException", "WithdrawalPolicy", "WithdrawalTerms", "WithdrawalFacts",
    ];

    private static ArchUnitNET.Domain.Architecture Code => AppCode.Architecture;

    [Fact]
    public void The_chat_state_machine_uses_neither_ef_core_nor_asp_net_core()
    {
        // ChatsFeature is the feature's registration (its composition root), not a rule.
        Types().That().ResideInNamespace("Meterchat.Chats").And().ResideInAssembly(App).And().DoNotHaveName("ChatsFeature")
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(WebOrDatabase)
            .Check(Code);
    }

    [Fact]
    public void The_ledger_money_types_use_neither_ef_core_nor_asp_net_core()
    {
        Types().That().ResideInNamespace("Meterchat.Ledger").And().ResideInAssembly(App).And().HaveNameMatching("^(" + string.Join("|", LedgerMoneyTypes) + ")$")
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(WebOrDatabase)
            .Check(Code);
    }

    [Fact]
    public void The_deposit_transfer_match_uses_neither_ef_core_nor_asp_net_core()
    {
        Types().That().ResideInNamespace("Meterchat.Deposits.Matching").And().ResideInAssembly(App)
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(WebOrDatabase)
            .Check(Code);
    }

    [Fact]
    public void The_withdrawal_state_machine_and_request_rules_use_neither_ef_core_nor_asp_net_core()
    {
        Types().That().ResideInNamespace("Meterchat.Withdrawals").And().ResideInAssembly(App).And().HaveNameMatching("^(" + string.Join("|", WithdrawalRuleTypes) + ")$")
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(WebOrDatabase)
            .Check(Code);
    }

    [Fact]
    public void The_shared_problem_shape_is_plain_data()
    {
        Types().That().ResideInNamespace("Meterchat.Web").And().ResideInAssembly(App).And().HaveNameMatching("^(Problem|Outcome`1)$")
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(WebOrDatabase)
            .Check(Code);
    }

    [Fact]
    public void The_tron_library_references_no_app_code_and_no_web_or_database_stack()
    {
        Types().That().ResideInAssembly(Tron)
            .Should().NotDependOnAnyTypesThat().ResideInAssembly(App)
            .AndShould().NotDependOnAnyTypesThat().ResideInNamespaceMatching(WebOrDatabase)
            .Check(Code);
    }
}
