using Microsoft.EntityFrameworkCore;

namespace Meterchat.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
