namespace Meterchat.Chats;

/// <summary>Both parties' evidence, as <see cref="IMediaEvidence"/> sees it.</summary>
public readonly record struct MediaEvidence(PartyEvidence Buyer, PartyEvidence Seller)
{
    public static MediaEvidence None => default;

    public PartyEvidence this[Party party] => party == Party.Buyer ? Buyer : Seller;

    public MediaEvidence With(Party party, PartyEvidence evidence) =>
        party == Party.Buyer ? this with { Buyer = evidence } : this with { Seller = evidence };

    public MediaEvidence WithoutMedia() => new(Buyer.WithoutMedia(), Seller.WithoutMedia());
}
