namespace Meterchat.Sellers;

/// <summary>One tag or language of a seller, a row each so browse filters in SQL.</summary>
public sealed class SellerTag
{
    public required string SellerId { get; set; }

    public TagKind Kind { get; set; }

    public required string Value { get; set; }
}
