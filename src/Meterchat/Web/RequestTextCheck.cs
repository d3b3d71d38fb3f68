namespace Meterchat.Web;

/// <summary>
/// Query values and posted form fields reach queries and tables of every feature: one gate refuses a NUL byte in
/// any of them (and a control character or more than <see cref="MaxQueryValue"/> characters in a query value)
/// with a 400 problem, before a feature (or PostgreSQL) sees it. JSON bodies are checked while read
/// (<see cref="TextWithoutNulConverter"/>); the path cannot carry NUL (the server refuses it).
/// </summary>
internal sealed class RequestTextCheck(RequestDelegate next)
{
    public const int MaxQueryValue = 4_096;

    public async Task InvokeAsync(HttpContext context)
    {
        foreach (var (key, values) in context.Request.Query)
        {
            foreach (var value in values)
            {
                if (TextInput.Problem(value, $"query value '{Shown(key)}'", MaxQueryValue) is { } problem)
                {
                    await RefuseAsync(context, problem);
                    return;
                }
            }
        }

        if (context.Request.HasFormContentType && !context.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form.Any(f => f.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal))))
            {
                await RefuseAsync(context, "A form field contains a NUL byte.");
                return;
            }
        }

        await next(context);
    }

    private static string Shown(string key) => key.Length > 40 || TextInput.HasControl(key) ? "?" : key;

    private static Task RefuseAsync(HttpContext context, string detail) =>
        InputProblems.Problem(InputProblems.InvalidText, StatusCodes.Status400BadRequest, "Invalid text", detail).ExecuteAsync(context);
}
