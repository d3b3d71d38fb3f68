using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Meterchat.Chats.Store;

/// <summary>
/// An append's writes, set-based: all new events in ONE insert and all session rows in ONE update, each with a handful
/// of bound parameters (SQLite: one JSON array read by <c>json_each</c>; PostgreSQL: arrays read by <c>unnest</c>), in
/// place of EF Core's batched per-row saves, whose per-row statements and parameter lookups dominated the clock's tick.
/// The row update keeps the optimistic version check: it reports false when any row moved on meanwhile.
/// </summary>
internal static class ChatAppendWriter
{
    // The SQLite model stores times as DateTimeOffsetToBinaryConverter's integers (SqliteAppDbContext).
    private static readonly Func<DateTimeOffset, long> SqliteTime = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;

    /// <summary>
    /// Inserts <paramref name="events"/> and updates <paramref name="rows"/> (already summarised, <see cref="ChatSessionRow.Version"/>
    /// one past the stored one) in the current transaction. Returns false when a row's stored version was not the one read:
    /// the caller rolls back.
    /// </summary>
    public static async Task<bool> WriteAsync(AppDbContext db, IReadOnlyList<ChatEventRow> events, IReadOnlyList<ChatSessionRow> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var tx = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("An append writes in a transaction.");
        var sqlite = db.Database.IsSqlite();
        await using var update = sqlite ? SqliteUpdate(connection, rows) : PostgresUpdate((NpgsqlConnection)connection, rows);
        update.Transaction = tx;
        if (await update.ExecuteNonQueryAsync(ct) != rows.Count)
        {
            return false;
        }

        if (events.Count > 0)
        {
            await using var insert = sqlite ? SqliteInsert(connection, events) : PostgresInsert((NpgsqlConnection)connection, events);
            insert.Transaction = tx;
            await insert.ExecuteNonQueryAsync(ct);
        }

        return true;
    }

    private static DbCommand SqliteUpdate(DbConnection connection, IReadOnlyList<ChatSessionRow> rows)
    {
        var json = Json(rows, (w, r) =>
        {
            WriteSqliteId(w, r.Id);
            w.WriteNumberValue(r.Version - 1);
            w.WriteNumberValue((int)r.State);
            WriteNullable(w, (int?)r.EndReason);
            WriteNullable(w, r.EndedAt is { } ended ? SqliteTime(ended) : null);
            w.WriteNumberValue(r.UnitsCharged);
            w.WriteNumberValue(r.EventCount);
            w.WriteStringValue(r.ChainHead);
        });
        return Command(connection, """
            UPDATE "ChatSessions" AS s SET "State" = v.state, "EndReason" = v.reason, "EndedAt" = v.ended, "UnitsCharged" = v.units,
                "EventCount" = v.logged, "ChainHead" = v.head, "Version" = s."Version" + 1
            FROM (SELECT value ->> 0 AS id, value ->> 1 AS old, value ->> 2 AS state, value ->> 3 AS reason, value ->> 4 AS ended,
                value ->> 5 AS units, value ->> 6 AS logged, value ->> 7 AS head FROM json_each(@rows)) AS v
            WHERE s."Id" = v.id AND s."Version" = v.old
            """, ("@rows", json));
    }

    private static DbCommand SqliteInsert(DbConnection connection, IReadOnlyList<ChatEventRow> events)
    {
        var json = Json(events, (w, e) =>
        {
            WriteSqliteId(w, e.SessionId);
            w.WriteNumberValue(e.Seq);
            w.WriteNumberValue(SqliteTime(e.At));
            w.WriteStringValue(e.Json);
            w.WriteStringValue(e.Hash);
        });
        return Command(connection, """
            INSERT INTO "ChatEvents" ("SessionId", "Seq", "At", "Json", "Hash")
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(@events)
            """, ("@events", json));
    }

    private static NpgsqlCommand PostgresUpdate(NpgsqlConnection connection, IReadOnlyList<ChatSessionRow> rows)
    {
        var command = new NpgsqlCommand("""
            UPDATE "ChatSessions" AS s SET "State" = v.state, "EndReason" = v.reason, "EndedAt" = v.ended, "UnitsCharged" = v.units,
                "EventCount" = v.logged, "ChainHead" = v.head, "Version" = s."Version" + 1
            FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::timestamptz[], $6::bigint[], $7::int[], $8::text[])
                AS v(id, old, state, reason, ended, units, logged, head)
            WHERE s."Id" = v.id AND s."Version" = v.old
            """, connection);
        var n = rows.Count;
        var ids = new Guid[n];
        var old = new int[n];
        var states = new int[n];
        var reasons = new int?[n];
        var ended = new DateTimeOffset?[n];
        var units = new long[n];
        var counts = new int[n];
        var heads = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var r = rows[i];
            (ids[i], old[i], states[i], reasons[i], ended[i], units[i], counts[i], heads[i]) =
                (r.Id, r.Version - 1, (int)r.State, (int?)r.EndReason, r.EndedAt?.ToUniversalTime(), r.UnitsCharged, r.EventCount, r.ChainHead);
        }

        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = old });
        command.Parameters.Add(new NpgsqlParameter { Value = states });
        command.Parameters.Add(new NpgsqlParameter { Value = reasons, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = ended, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = units });
        command.Parameters.Add(new NpgsqlParameter { Value = counts });
        command.Parameters.Add(new NpgsqlParameter { Value = heads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    private static NpgsqlCommand PostgresInsert(NpgsqlConnection connection, IReadOnlyList<ChatEventRow> events)
    {
        var command = new NpgsqlCommand("""
            INSERT INTO "ChatEvents" ("SessionId", "Seq", "At", "Json", "Hash")
            SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::text[])
            """, connection);
        var n = events.Count;
        var ids = new Guid[n];
        var seqs = new int[n];
        var ats = new DateTimeOffset[n];
        var json = new string[n];
        var hashes = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var e = events[i];
            (ids[i], seqs[i], ats[i], json[i], hashes[i]) = (e.SessionId, e.Seq, e.At.ToUniversalTime(), e.Json, e.Hash);
        }

        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = seqs });
        command.Parameters.Add(new NpgsqlParameter { Value = ats });
        command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, string Value) parameter)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = parameter.Name;
        p.Value = parameter.Value;
        command.Parameters.Add(p);
        return command;
    }

    /// <summary>One JSON array of per-item arrays (positional: smaller than objects, and read by index).</summary>
    private static string Json<T>(IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(items.Count * 96);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                w.WriteStartArray();
                write(w, item);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // EF Core's SQLite provider stores a Guid as uppercase text.
    private static void WriteSqliteId(Utf8JsonWriter w, Guid id)
    {
        Span<char> text = stackalloc char[36];
        id.TryFormat(text, out _);
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = char.ToUpperInvariant(text[i]);
        }

        w.WriteStringValue(text);
    }

    private static void WriteNullable(Utf8JsonWriter w, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
