using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MonaiLabel.Client;

/// <summary>
/// Exchanges the configured user name and password for a token at the server <paramref name="server"/>, sending
/// through <paramref name="send"/> (the auth handler's inner handlers, so the answer gets the limits, timeouts and
/// typed errors of any answer). Answers null when that server has auth off. The client gives it to the token cache
/// (<see cref="MonaiLabelClient.CreateTokenSource"/>): the auth handler knows how to use a token, not how to ask for one.
/// </summary>
internal delegate Task<string?> TokenExchange(
    Uri server, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken);
