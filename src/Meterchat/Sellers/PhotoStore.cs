using Meterchat.Data;
using Meterchat.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>Seller photos on disk. The type is decided by the file's first bytes, never by its name or the client's header.</summary>
public sealed class PhotoStore(AppDbContext db, IOptions<SellersOptions> options, IHostEnvironment env)
{
    private string Directory => Path.Combine(env.ContentRootPath, options.Value.PhotoDirectory);

    public async Task<Outcome<string>> SaveAsync(string sellerId, Stream content, long length, CancellationToken ct = default)
    {
        var profile = await db.Set<SellerProfile>().SingleOrDefaultAsync(p => p.UserId == sellerId, ct);
        if (profile is null)
        {
            return SellerProblems.NotFound("Create your seller profile before adding a photo.");
        }

        if (length > options.Value.MaxPhotoBytes)
        {
            return new Problem(413, "seller/photo-too-large", "Photo too large", $"A photo may be at most {options.Value.MaxPhotoBytes / 1024 / 1024} MB.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length > options.Value.MaxPhotoBytes)
        {
            return new Problem(413, "seller/photo-too-large", "Photo too large", $"A photo may be at most {options.Value.MaxPhotoBytes / 1024 / 1024} MB.");
        }

        if (Sniff(bytes) is not { } type)
        {
            return new Problem(415, "seller/photo-type", "Unsupported photo", "The photo must be a JPEG, PNG or WebP image.");
        }

        System.IO.Directory.CreateDirectory(Directory);
        var file = $"{Guid.NewGuid():N}.{type.Extension}";
        await File.WriteAllBytesAsync(Path.Combine(Directory, file), bytes, ct);
        var old = profile.PhotoFile;
        profile.PhotoFile = file;
        profile.PhotoContentType = type.ContentType;
        await db.SaveChangesAsync(ct);
        if (old is not null)
        {
            File.Delete(Path.Combine(Directory, old));
        }

        return $"/api/sellers/{sellerId}/photo";
    }

    public async Task<(string Path, string ContentType)?> FindAsync(string sellerId, CancellationToken ct = default)
    {
        var p = await db.Set<SellerProfile>().AsNoTracking().Where(p => p.UserId == sellerId)
            .Select(p => new { p.PhotoFile, p.PhotoContentType }).SingleOrDefaultAsync(ct);
        return p?.PhotoFile is null ? null : (Path.Combine(Directory, p.PhotoFile), p.PhotoContentType!);
    }

    internal static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> b) =>
        b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? ("jpg", "image/jpeg")
        : b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? ("png", "image/png")
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? ("webp", "image/webp")
        : null;
}
