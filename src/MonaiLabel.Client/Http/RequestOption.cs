using System.Net.Http;

namespace MonaiLabel.Client;

/// <summary>
/// A typed value carried on a request from the code that sends it to the handlers that act on it (what an operation
/// declares of itself): <c>HttpRequestMessage.Options</c> on .NET 5+, <c>Properties</c> on netstandard2.0.
/// </summary>
internal sealed class RequestOption<T>
{
    private readonly string _name;
#if NET5_0_OR_GREATER
    private readonly HttpRequestOptionsKey<T> _key;
#endif

    public RequestOption(string name)
    {
        _name = name;
#if NET5_0_OR_GREATER
        _key = new HttpRequestOptionsKey<T>(name);
#endif
    }

    public void Set(HttpRequestMessage request, T value)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(_key, value);
#else
        request.Properties[_name] = value;
#endif
    }

    public bool TryGet(HttpRequestMessage request, out T value)
    {
#if NET5_0_OR_GREATER
        if (request.Options.TryGetValue(_key, out var found))
#else
        if (request.Properties.TryGetValue(_name, out var stored) && stored is T found)
#endif
        {
            value = found;
            return true;
        }

        value = default!;
        return false;
    }

    public override string ToString() => _name;
}
