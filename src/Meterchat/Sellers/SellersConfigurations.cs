using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meterchat.Sellers;

internal sealed class SellerProfileConfiguration : IEntityTypeConfiguration<SellerProfile>
{
    public void Configure(EntityTypeBuilder<SellerProfile> builder)
    {
        builder.ToTable("SellerProfiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(64);
        builder.Property(p => p.DisplayName).HasMaxLength(SellersOptions.MaxDisplayName);
        builder.Property(p => p.Bio).HasMaxLength(SellersOptions.MaxBio);
        builder.Property(p => p.PhotoFile).HasMaxLength(100);
        builder.Property(p => p.PhotoContentType).HasMaxLength(40);
        // Unix milliseconds: sortable and comparable in SQL on SQLite too.
        builder.Property(p => p.IdleSince).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        builder.Property(p => p.CreatedAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        builder.HasMany(p => p.Tags).WithOne().HasForeignKey(t => t.SellerId);

        // Browse sorts within a presence filter; each sort has its index.
        builder.HasIndex(p => new { p.Presence, p.RatingCentis });
        builder.HasIndex(p => new { p.Presence, p.RateTokensPerMinute });
        builder.HasIndex(p => new { p.Presence, p.CreatedAt });
        builder.HasIndex(p => p.RatingCentis);
        builder.HasIndex(p => p.RateTokensPerMinute);
        builder.HasIndex(p => p.CreatedAt);
    }
}

internal sealed class SellerTagConfiguration : IEntityTypeConfiguration<SellerTag>
{
    public void Configure(EntityTypeBuilder<SellerTag> builder)
    {
        builder.ToTable("SellerTags");
        builder.HasKey(t => new { t.SellerId, t.Kind, t.Value });
        builder.Property(t => t.SellerId).HasMaxLength(64);
        builder.Property(t => t.Value).HasMaxLength(SellersOptions.MaxTagLength);
        builder.HasIndex(t => new { t.Kind, t.Value, t.SellerId });
    }
}

internal sealed class SellerBlockConfiguration : IEntityTypeConfiguration<SellerBlock>
{
    public void Configure(EntityTypeBuilder<SellerBlock> builder)
    {
        builder.ToTable("SellerBlocks");
        builder.HasKey(b => new { b.SellerId, b.BuyerId });
        builder.Property(b => b.SellerId).HasMaxLength(64);
        builder.Property(b => b.BuyerId).HasMaxLength(64);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("Reports");
        builder.Property(r => r.ReporterId).HasMaxLength(64);
        builder.Property(r => r.SubjectId).HasMaxLength(64);
        builder.Property(r => r.Reason).HasMaxLength(SellersOptions.MaxReason);
        builder.Property(r => r.At).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        builder.HasIndex(r => r.At);
        builder.Property(r => r.HandledBy).HasMaxLength(64);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.HasIndex(r => new { r.Status, r.Id });
        builder.HasIndex(r => r.SubjectId);
        builder.HasIndex(r => r.ReporterId);
    }
}
