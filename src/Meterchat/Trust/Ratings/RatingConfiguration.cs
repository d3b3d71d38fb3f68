using Meterchat.Trust.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Trust.Ratings;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public const int MaxText = 10_000;

    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.ToTable("Ratings", t => t.HasCheckConstraint("CK_Ratings_Stars", "\"Stars\" BETWEEN 1 AND 5"));
        builder.HasKey(r => r.SessionId);
        builder.Property(r => r.BuyerId).HasMaxLength(64);
        builder.Property(r => r.SellerId).HasMaxLength(64);
        builder.Property(r => r.Comment).HasMaxLength(MaxText);
        builder.Property(r => r.Reply).HasMaxLength(MaxText);
        builder.Property(r => r.CreatedAt).HasConversion(DisputeConfiguration.UnixMs);
        builder.Property(r => r.RepliedAt).HasConversion(DisputeConfiguration.UnixMs);
        builder.HasIndex(r => new { r.SellerId, r.CreatedAt });
    }
}
