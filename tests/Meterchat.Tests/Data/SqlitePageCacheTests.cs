using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Tests.Data;

public sealed class SqlitePageCacheTests
{
    [Theory]
    [InlineData(4096)]
    [InlineData(65536)]
    public async Task Every_connection_the_context_opens_gets_the_configured_page_cache(int kibibytes)
    {
        var options = new DbContextOptionsBuilder<DbContext>()
            .UseSqlite("Data Source=:memory:")
            .AddInterceptors(new SqlitePageCache(kibibytes))
            .Options;
        await using var db = new DbContext(options);

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size;";

        Assert.Equal(-kibibytes, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
