namespace Meterchat.DevChain;

/// <summary>An activated account: TRX in sun and when it was created (Unix ms).</summary>
internal sealed class AccountState(long balanceSun, long createTime)
{
    public long BalanceSun { get; set; } = balanceSun;

    public long CreateTime { get; } = createTime;
}
