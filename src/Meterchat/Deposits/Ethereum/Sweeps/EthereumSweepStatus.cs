namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>Where a sweep is; each stored transaction is (re)broadcast from its stored bytes until it is mined.</summary>
public enum EthereumSweepStatus
{
    /// <summary>The gas top-up is signed and stored, maybe broadcast.</summary>
    TopUpStored = 0,

    /// <summary>The token transfer is signed and stored, maybe broadcast.</summary>
    SweepStored = 1,

    /// <summary>The token transfer is mined and final; fees recorded.</summary>
    Completed = 2,

    /// <summary>A transaction reverted (status 0); nothing more is sent for this sweep.</summary>
    Failed = 3,
}
