namespace Meterchat.Sellers;

public enum TagKind
{
    Tag,
    Language,
}
