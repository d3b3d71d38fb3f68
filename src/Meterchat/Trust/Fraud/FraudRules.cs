namespace Meterchat.Trust.Fraud;

/// <summary>The rule names stored on flags and shown to admins.</summary>
public static class FraudRules
{
    public const string SharedIpOrDevice = nameof(SharedIpOrDevice);
    public const string FastDepositSelfDealing = nameof(FastDepositSelfDealing);
    public const string ManyAccountsPerIp = nameof(ManyAccountsPerIp);
    public const string UnusualRefundRate = nameof(UnusualRefundRate);
}
