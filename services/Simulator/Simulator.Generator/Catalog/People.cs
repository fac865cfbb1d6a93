using ExecutiveDashboard.Simulator.Generation.Randomness;

namespace ExecutiveDashboard.Simulator.Generation.Catalog;

/// <summary>Names for users and the companies their emails belong to (all under <c>.example</c>, never a real domain).</summary>
public static class People
{
    private static readonly string[] FirstNames =
    [
        "Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger", "Radia", "Tim",
        "Hedy", "John", "Katherine", "Donald", "Sophie", "Guido", "Anita", "Bjarne", "Joan", "Niklaus", "Karen", "James",
        "Shafi", "Leslie", "Sandra", "Vint", "Fei-Fei", "Yann", "Amara", "Kwame", "Priya", "Mateo", "Ingrid", "Hiroshi",
        "Zara", "Omar", "Elena", "Lars", "Chloé", "Tomás", "Mei", "Arjun", "Nadia", "Felix", "Aisha", "Jonas",
    ];

    private static readonly string[] LastNames =
    [
        "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra",
        "Perlman", "Berners-Lee", "Lamarr", "McCarthy", "Johnson", "Knuth", "Wilson", "van Rossum", "Borg", "Stroustrup",
        "Clarke", "Wirth", "Spärck Jones", "Gosling", "Goldwasser", "Lamport", "Kurose", "Cerf", "Li", "LeCun", "Okafor",
        "Mensah", "Raman", "García", "Larsen", "Tanaka", "Haddad", "Ivanova", "Nilsson", "Dubois", "Silva", "Chen",
        "Patel", "Rahman", "Schmidt", "Diallo", "Weber", "Novak",
    ];

    private static readonly string[] CompanyWords =
    [
        "acme", "globex", "initech", "umbrella", "stark", "wayne", "hooli", "pied-piper", "vandelay", "wonka", "tyrell",
        "cyberdyne", "soylent", "aperture", "black-mesa", "oscorp", "nakatomi", "gringotts", "monarch", "dunder",
    ];

    private static readonly string[] CompanySuffixes = ["labs", "systems", "health", "logistics", "finance", "retail", "media", "energy", "studio", "cloud"];

    public static string Company(Rng rng, int index) => $"{rng.Pick(CompanyWords)}-{rng.Pick(CompanySuffixes)}-{index}";

    public static (string Name, string Email) Person(Rng rng, string company)
    {
        var first = rng.Pick(FirstNames);
        var last = rng.Pick(LastNames);
        var local = Ascii($"{first}.{last}".ToLowerInvariant().Replace(' ', '-'));
        return ($"{first} {last}", $"{local}@{company}.example");
    }

    // Emails stay ASCII; the names keep their accents.
    private static string Ascii(string text) =>
        text.Replace('é', 'e').Replace('á', 'a').Replace('í', 'i').Replace('ä', 'a');
}
