using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace MonaiLabel.Emulator.Internal;

/// <summary>A string-keyed map that keeps insertion order (a Python dict).</summary>
internal sealed class OrderedMap<T> : IEnumerable<KeyValuePair<string, T>>
    where T : class
{
    private readonly List<string> keys = new();
    private readonly Dictionary<string, T> map = new(StringComparer.Ordinal);

    public int Count => keys.Count;

    public IReadOnlyList<string> Keys => keys;

    public T? Get(string key) => map.TryGetValue(key, out var v) ? v : null;

    public void Set(string key, T value)
    {
        if (!map.ContainsKey(key))
        {
            keys.Add(key);
        }

        map[key] = value;
    }

    public bool Remove(string key)
    {
        if (map.Remove(key))
        {
            keys.Remove(key);
            return true;
        }

        return false;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        foreach (var k in keys.ToList())
        {
            yield return new KeyValuePair<string, T>(k, map[k]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
