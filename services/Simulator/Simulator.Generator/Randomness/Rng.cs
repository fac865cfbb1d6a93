namespace ExecutiveDashboard.Simulator.Generation.Randomness;

/// <summary>
/// A small deterministic generator (SplitMix64). <see cref="Random"/> does not promise the same sequence
/// across .NET versions; the demo data must be the same for a seed wherever it is generated. Each part of
/// the story draws from a stream of its own (<see cref="For(int, string, long)"/>), so changing how one part
/// draws leaves the others as they were.
/// </summary>
public sealed class Rng(ulong state)
{
    private ulong _state = state;

    /// <summary>The stream <paramref name="name"/> number <paramref name="index"/> of a seed.</summary>
    public static Rng For(int seed, string name, long index = 0) =>
        new(Mix(Mix((ulong)(uint)seed ^ 0x5DEECE66DUL) ^ Hash(name) ^ Mix((ulong)index + 0x632BE59BD9B4E019UL)));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);

    public double Between(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double probability) => NextDouble() < probability;

    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Normal()
    {
        var u = 1 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>Log-normal with the given median; <paramref name="sigma"/> is the spread of its logarithm.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Poisson-distributed count (Knuth below 30, a rounded normal above).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        }
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = NextDouble(); product > limit; product *= NextDouble())
        {
            count++;
        }
        return count;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index drawn with probability proportional to its weight.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }
        var target = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }

    /// <summary>An index i drawn with probability proportional to <c>prefix[i] - prefix[i-1]</c>, among the
    /// first <paramref name="count"/> entries of a cumulative (non-decreasing) array.</summary>
    public int PickCumulative(double[] prefix, int count)
    {
        if (count <= 1)
        {
            return 0;
        }
        var target = NextDouble() * prefix[count - 1];
        var index = Array.BinarySearch(prefix, 0, count, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, count - 1);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // FNV-1a: stable across processes, unlike string.GetHashCode.
    private static ulong Hash(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }
        return hash;
    }
}
