namespace Meterchat.Trust.Fraud;

/// <summary>The fraud rules (PRODUCT.md §7), each with its switch and thresholds. Section "Fraud".</summary>
public sealed class FraudOptions
{
    public const string Section = "Fraud";

    /// <summary>Addresses never counted as evidence (loopback: a dev machine, or a proxy without forwarded headers).</summary>
    public List<string> IgnoredIps { get; set; } = ["127.0.0.1", "::1"];

    /// <summary>Lifetime of the <c>mc_device</c> cookie that tells one browser from another.</summary>
    public int DeviceCookieDays { get; set; } = 400;

    public SharedIpOrDeviceRule SharedIpOrDevice { get; set; } = new();

    public FastDepositSelfDealingRule FastDepositSelfDealing { get; set; } = new();

    public ManyAccountsPerIpRule ManyAccountsPerIp { get; set; } = new();

    public UnusualRefundRateRule UnusualRefundRate { get; set; } = new();

    internal bool IsValid() =>
        DeviceCookieDays > 0
        && SharedIpOrDevice.SessionsChecked > 0
        && FastDepositSelfDealing is { SpendWithinHours: > 0, SpendPercent: > 0 and <= 100, WithdrawalWithinHours: > 0 }
        && ManyAccountsPerIp is { MaxAccounts: > 0, WindowHours: > 0 }
        && UnusualRefundRate is { MinSessions: > 0, MaxRefundedPercent: >= 0 and < 100 };

    /// <summary>Buyer and seller of a session were seen on the same IP address or the same browser.</summary>
    public sealed class SharedIpOrDeviceRule
    {
        public bool Enabled { get; set; } = true;

        /// <summary>How many of the user's most recent sessions are compared.</summary>
        public int SessionsChecked { get; set; } = 50;
    }

    /// <summary>A deposit, mostly spent with one seller soon after, who then withdraws soon after the deposit.</summary>
    public sealed class FastDepositSelfDealingRule
    {
        public bool Enabled { get; set; } = true;

        /// <summary>Chats with the seller count when they are charged within this many hours of the deposit.</summary>
        public int SpendWithinHours { get; set; } = 24;

        /// <summary>The share of the deposit (percent) spent with that one seller that counts as self-dealing.</summary>
        public int SpendPercent { get; set; } = 80;

        /// <summary>The seller's withdrawal request counts when it comes within this many hours of the deposit.</summary>
        public int WithdrawalWithinHours { get; set; } = 72;
    }

    /// <summary>More accounts than this seen on one IP address within the window.</summary>
    public sealed class ManyAccountsPerIpRule
    {
        public bool Enabled { get; set; } = true;

        public int MaxAccounts { get; set; } = 5;

        public int WindowHours { get; set; } = 24;
    }

    /// <summary>A seller with at least <see cref="MinSessions"/> charged sessions of which more than the share were refunded.</summary>
    public sealed class UnusualRefundRateRule
    {
        public bool Enabled { get; set; } = true;

        public int MinSessions { get; set; } = 10;

        public int MaxRefundedPercent { get; set; } = 30;
    }
}
