using Meterchat.Ledger;
using Meterchat.Web;
using Meterchat.Withdrawals;

namespace Meterchat.Tests.Withdrawals;

/// <summary>The request rules with the default settings: 3 USDT minimum, 0.50 + 1.00 USDT fees, 1,000 USDT a day, review above 100 USDT.</summary>
public sealed class WithdrawalPolicyTests
{
    private const string Address = "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly WithdrawalsOptions Options = new();

    [Fact]
    public void Withdrawals_wait_24_hours_after_the_credentials_changed()
    {
        var held = WithdrawalPolicy.CheckCredentials(Now.AddHours(-23), Now);

        Assert.Equal((WithdrawalProblems.CredentialsChanged, 409), (held!.Type, held.Status));
        Assert.Contains("2026-12-03 13:00 UTC", held.Detail, StringComparison.Ordinal);
        Assert.Null(WithdrawalPolicy.CheckCredentials(Now.AddHours(-24), Now));
        Assert.Null(WithdrawalPolicy.CheckCredentials(null, Now));
    }

    [Fact]
    public void Below_the_minimum_is_refused_and_the_minimum_itself_is_allowed()
    {
        var below = WithdrawalPolicy.CheckAmount(Options, Micros.ParseUsdt("2.999999"));

        Assert.Equal((WithdrawalProblems.BelowMinimum, 400), (below!.Type, below.Status));
        Assert.Equal("The minimum withdrawal is 3.00 USDT (300 tokens).", below.Detail);
        Assert.Null(WithdrawalPolicy.CheckAmount(Options, Micros.ParseUsdt("3")));
        Assert.Equal(WithdrawalProblems.BelowMinimum, Check("2.999999").Error!.Type);
    }

    [Fact]
    public void A_new_address_is_usable_only_after_its_cooldown()
    {
        var cooling = Check("10", usableAt: Now.AddMinutes(1)).Error;

        Assert.Equal((WithdrawalProblems.AddressCooling, 409), (cooling!.Type, cooling.Status));
        Assert.Contains($"{Address} was added", cooling.Detail, StringComparison.Ordinal);
        Assert.Null(Check("10", usableAt: Now).Error);
    }

    [Fact]
    public void The_24_hour_limit_counts_what_was_withdrawn_and_says_what_is_left()
    {
        var over = Check("20", usedLastDay: "990").Error;
        var beyond = Check("3", usedLastDay: "1000.5").Error;

        Assert.Equal((WithdrawalProblems.DailyLimit, 409), (over!.Type, over.Status));
        Assert.EndsWith("10.00 USDT left now.", over.Detail, StringComparison.Ordinal);
        Assert.EndsWith("0.00 USDT left now.", beyond!.Detail, StringComparison.Ordinal);
        Assert.NotNull(Check("10", usedLastDay: "990").Terms);
    }

    [Fact]
    public void The_first_broken_rule_is_the_one_reported()
    {
        Assert.Equal(WithdrawalProblems.BelowMinimum, Check("1", usableAt: Now.AddDays(1), usedLastDay: "1000").Error!.Type);
        Assert.Equal(WithdrawalProblems.AddressCooling, Check("10", usableAt: Now.AddDays(1), usedLastDay: "1000").Error!.Type);
    }

    [Fact]
    public void Accepted_terms_take_both_fees_from_the_amount()
    {
        var (terms, error) = Check("20");

        Assert.Null(error);
        Assert.Equal(new WithdrawalTerms(Micros.ParseUsdt("20"), Micros.ParseUsdt("0.50"), Micros.ParseUsdt("1.00"), Micros.ParseUsdt("18.50")), terms);
    }

    [Fact]
    public void Above_the_auto_threshold_goes_to_review_before_any_risk_flag()
    {
        Assert.Null(WithdrawalPolicy.ReviewReason(Options, Micros.ParseUsdt("100"), []));
        Assert.Equal("new device", WithdrawalPolicy.ReviewReason(Options, Micros.ParseUsdt("100"), ["new device"]));
        Assert.Equal("above auto threshold 100.00 USDT", WithdrawalPolicy.ReviewReason(Options, Micros.ParseUsdt("100.000001"), []));
        Assert.Equal("above auto threshold 100.00 USDT, new device, fraud flag",
            WithdrawalPolicy.ReviewReason(Options, Micros.ParseUsdt("150"), ["new device", "fraud flag"]));
    }

    private static (WithdrawalTerms? Terms, Problem? Error) Check(string amount, DateTimeOffset? usableAt = null, string usedLastDay = "0") =>
        WithdrawalPolicy.Check(Options, new WithdrawalFacts(Micros.ParseUsdt(amount), Address, usableAt ?? Now.AddDays(-1), Micros.ParseUsdt(usedLastDay), Now));
}
