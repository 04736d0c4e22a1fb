using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MonaiLabel.Emulator.Internal;

/// <summary>
/// Starlette's ExceptionMiddleware and ServerErrorMiddleware: <c>HTTPException</c> → its status and
/// <c>{"detail": ...}</c>, a validation error → 422, an unparsable body → 400, anything else the app raises →
/// 500 <c>text/plain</c> and, as uvicorn, the connection closed after the answer.
/// </summary>
internal sealed class ErrorAnswers(AppLog log)
{
    public async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        try
        {
            await next(ctx).ConfigureAwait(false);
        }
        catch (HttpError e)
        {
            await WriteError(ctx, () => Responses.Json(ctx, e.Status, new JsonObject { ["detail"] = e.Detail }, e.Headers)).ConfigureAwait(false);
        }
        catch (ValidationFailed e)
        {
            await WriteError(ctx, () => Responses.Json(ctx, 422, new JsonObject { ["detail"] = e.Errors })).ConfigureAwait(false);
        }
        catch (BodyParseError)
        {
            await WriteError(ctx, () => Responses.Detail(ctx, 400, "There was an error parsing the body")).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e)
        {
            log.Error("uvicorn.error", $"Exception in ASGI application: {e.GetType().Name}: {e.Message}");
            await WriteError(ctx, () => Responses.InternalServerError(ctx)).ConfigureAwait(false);
            await CloseAfterExceptionAsync(ctx).ConfigureAwait(false);
        }
    }

    /// <summary>An answer already under way cannot become an error answer: the connection is cut instead.</summary>
    private static async Task WriteError(HttpContext ctx, Func<Task> write)
    {
        if (ctx.Response.HasStarted)
        {
            ctx.Abort();
            return;
        }

        ctx.Response.Clear();
        await write().ConfigureAwait(false);
    }

    /// <summary>
    /// uvicorn (h11) closes the connection once an exception has escaped the app: Starlette's ServerErrorMiddleware
    /// sends the 500 and re-raises, so uvicorn sees a started response and calls <c>transport.close()</c> about a
    /// millisecond after the answer, without a <c>Connection: close</c> header. A client that reuses that pooled
    /// connection at once gets a reset; the emulator does the same so clients are tested against it.
    /// </summary>
    private static async Task CloseAfterExceptionAsync(HttpContext ctx)
    {
        try
        {
            // Headers and body go out first (so no Connection: close is added), then Kestrel closes the connection
            // gracefully once this request ends, flushing what it wrote.
            await ctx.Response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
        }

        var lifetime = ctx.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionLifetimeNotificationFeature>();
        if (lifetime != null)
        {
            lifetime.RequestClose();
        }
        else
        {
            ctx.Abort();
        }
    }
}
