using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.DevChain;

public static class DevChainEndpoints
{
    /// <summary>
    /// Serves the dev chain registered in DI under <paramref name="prefix"/>: <c>{prefix}/wallet/*</c>,
    /// <c>{prefix}/walletsolidity/*</c> (GET or POST, as java-tron), <c>POST {prefix}/faucet</c> and
    /// <c>GET {prefix}/info</c>. Anonymous, like a node's API: map it only where a dev chain belongs.
    /// </summary>
    public static RouteGroupBuilder MapDevChain(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var group = endpoints.MapGroup(prefix).AllowAnonymous().ExcludeFromDescription();
        group.MapMethods("wallet/{function}", ["GET", "POST"], (string function, HttpContext context) => Serve($"wallet/{function}", context));
        group.MapMethods("walletsolidity/{function}", ["GET", "POST"], (string function, HttpContext context) => Serve($"walletsolidity/{function}", context));
        group.MapPost("faucet", (HttpContext context) => Serve("faucet", context));
        group.MapGet("info", (HttpContext context) => Serve("info", context));
        return group;
    }

    private static async Task Serve(string path, HttpContext context)
    {
        var api = new DevChainApi(context.RequestServices.GetRequiredService<DevChainNode>());
        string? body;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            // java-tron's GET form: ?value=…&visible=true.
            body = System.Text.Json.JsonSerializer.Serialize(context.Request.Query.ToDictionary(
                q => q.Key,
                q => q.Key == "visible" ? (object)string.Equals(q.Value, "true", StringComparison.OrdinalIgnoreCase) : q.Value.ToString()));
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var answer = api.Handle(path, body);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Json, context.RequestAborted);
    }
}
