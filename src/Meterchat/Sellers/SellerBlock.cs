namespace Meterchat.Sellers;

/// <summary>A seller blocked a buyer: no requests, no matches between them.</summary>
public sealed class SellerBlock
{
    public required string SellerId { get; set; }

    public required string BuyerId { get; set; }

    public DateTimeOffset At { get; set; }
}
