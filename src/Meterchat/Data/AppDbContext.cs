using Meterchat.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Data;

/// <summary>
/// The one database of the app. Each feature adds its entities through an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> in its own folder; they are picked up here.
/// One subclass per provider keeps one migrations folder per provider.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
