using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Meterchat.Web;

/// <summary>
/// Bad input is the client's mistake in every environment: unreadable JSON, wrong types and nulls (binding throws
/// <see cref="BadHttpRequestException"/>, see <see cref="WebFeature"/>), text the database cannot hold, and two
/// requests changing the same row at once become 400/409 problems instead of 500s. Anything else stays a 500.
/// </summary>
internal sealed class BadInputHandler(ILogger<BadInputHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Classify(exception);
        if (problem is null || context.Response.HasStarted)
        {
            return false;
        }

        log.LogInformation("Refused {Method} {Path}: {ProblemType} ({Exception})", context.Request.Method, context.Request.Path, problem.Value.Type, exception.GetType().Name);
        context.Response.StatusCode = problem.Value.Status;
        await InputProblems.Problem(problem.Value.Type, problem.Value.Status, problem.Value.Title, problem.Value.Detail).ExecuteAsync(context);
        return true;
    }

    private static (string Type, int Status, string Title, string Detail)? Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (InputProblems.TooLarge, 413, "Request too large", "The request body is larger than the server accepts."),
        BadHttpRequestException bad =>
            (InputProblems.Malformed, bad.StatusCode, "Malformed request", Describe(bad)),
        JsonException =>
            (InputProblems.Malformed, 400, "Malformed request", "The body is not valid JSON of the expected shape."),
        InputRejectedException rejected =>
            (InputProblems.InvalidText, 400, "Invalid text", rejected.Message),
        DbUpdateConcurrencyException =>
            (InputProblems.Conflict, 409, "Changed meanwhile", "Another request changed this at the same moment. Reload and try again."),
        _ when Database(exception) is { } e => e,
        _ => null,
    };

    // The binder's message names the parameter; the JSON reader's adds the path and the expected type.
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json && json.Path is not null
            ? $"{bad.Message} ({json.Path}: {FirstSentence(json.Message)})"
            : bad.Message;

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.') + ".";

    private static (string, int, string, string)? Database(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }:
                    return (InputProblems.Conflict, 409, "Changed meanwhile", "Another request created the same thing at the same moment. Reload and try again.");
                case PostgresException { SqlState: PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }:
                    return (InputProblems.InvalidText, 400, "Invalid text", "A text is too long or contains a character that cannot be stored.");
            }
        }

        return null;
    }
}
