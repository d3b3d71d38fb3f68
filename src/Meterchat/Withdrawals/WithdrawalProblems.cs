using Meterchat.Web;

namespace Meterchat.Withdrawals;

/// <summary>Stable problem types of the withdrawal endpoints (RFC 7807 <c>type</c>).</summary>
public static class WithdrawalProblems
{
    public const string BadAmount = "withdrawal/bad-amount";
    public const string BelowMinimum = "withdrawal/below-minimum";
    public const string BadAddress = "withdrawal/bad-address";
    public const string BadLabel = "withdrawal/bad-label";
    public const string UnknownUnit = "withdrawal/unknown-unit";
    public const string UnsupportedAsset = "withdrawal/unsupported-asset";
    public const string NetworkOff = "withdrawal/network-off";
    public const string FeeUnavailable = "withdrawal/fee-unavailable";
    public const string PlatformAddress = "withdrawal/platform-address";
    public const string AddressCooling = "withdrawal/address-cooling";
    public const string DailyLimit = "withdrawal/daily-limit";
    public const string InsufficientEarnings = "withdrawal/insufficient-earnings";
    public const string TwoFactorRequired = "withdrawal/two-factor-required";
    public const string TwoFactorInvalid = "withdrawal/two-factor-invalid";
    public const string TwoFactorLocked = "withdrawal/two-factor-locked";
    public const string CredentialsChanged = "withdrawal/credentials-changed";
    public const string Frozen = "withdrawal/frozen";
    public const string NotFound = "withdrawal/not-found";
    public const string NotInReview = "withdrawal/not-in-review";
    public const string ReasonRequired = "withdrawal/reason-required";
    public const string BadKey = "treasury/bad-key";
    public const string NothingToSweep = "treasury/nothing-to-sweep";
    public const string SweepRefused = "treasury/sweep-refused";
    public const string SweepInProgress = "treasury/sweep-in-progress";

    /// <summary>A refusal: the problem type, the HTTP status, and the detail the UI shows.</summary>
    public static Problem Of(string type, int status, string title, string detail) => new(status, type, title, detail);
}
