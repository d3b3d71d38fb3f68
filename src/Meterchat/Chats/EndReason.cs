namespace Meterchat.Chats;

/// <summary>Why a session reached a terminal state; receipts and refunds depend on it.</summary>
public enum EndReason
{
    Declined,
    Expired,

    /// <summary>The media never came up before the connect timeout.</summary>
    ConnectFailed,

    /// <summary>The buyer pressed End or closed the page (a clean leave; before acceptance it is a cancel).</summary>
    BuyerLeft,

    /// <summary>The seller pressed End or closed the page.</summary>
    SellerLeft,

    /// <summary>An unclean drop that was not repaired within the reconnect grace.</summary>
    ConnectionLost,

    /// <summary>The next unit did not fit the buyer's wallet.</summary>
    BalanceExhausted,

    /// <summary>The next unit would have gone over the buyer's spending limit for the session.</summary>
    SpendingLimitReached,

    /// <summary>A party was banned by a moderator.</summary>
    Banned,

    /// <summary>The seller blocked the buyer.</summary>
    Blocked,

    /// <summary>
    /// The ledger kept refusing a unit for a reason other than the buyer's money (a fault on the platform's side):
    /// the session ends rather than retrying forever, is refunded like a failure and is shown to the admins.
    /// </summary>
    BillingFault,
}
