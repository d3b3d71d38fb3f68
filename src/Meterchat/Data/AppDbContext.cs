using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Data;

/// <summary>
/// The one database of the app. Each feature adds its entities through an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> in its own folder; they are picked up here.
/// One subclass per provider keeps one migrations folder per provider.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring, shared by every node (cookies and bearer tokens work on any of them).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
