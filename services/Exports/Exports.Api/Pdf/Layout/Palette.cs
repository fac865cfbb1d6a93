using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>The page's restrained palette (Tailwind's slate and indigo, emerald/red for good/bad changes), so that the
/// file looks like the dashboard it comes from.</summary>
internal static class Palette
{
    public static readonly SKColor Ink = SKColor.Parse("#0f172a");        // slate-900: values, headings
    public static readonly SKColor Text = SKColor.Parse("#334155");       // slate-700: table cells
    public static readonly SKColor Muted = SKColor.Parse("#64748b");      // slate-500: labels, footers
    public static readonly SKColor Faint = SKColor.Parse("#94a3b8");      // slate-400
    public static readonly SKColor Border = SKColor.Parse("#e2e8f0");     // slate-200: card borders, rules
    public static readonly SKColor Stripe = SKColor.Parse("#f8fafc");     // slate-50: table header
    public static readonly SKColor Accent = SKColor.Parse("#4f46e5");     // indigo-600: title bar, section marks
    public static readonly SKColor Good = SKColor.Parse("#047857");       // emerald-700
    public static readonly SKColor Bad = SKColor.Parse("#b91c1c");        // red-700
    public static readonly SKColor Warning = SKColor.Parse("#b45309");    // amber-700: unavailable sections
    public static readonly SKColor WarningFill = SKColor.Parse("#fffbeb"); // amber-50
    public static readonly SKColor WarningBorder = SKColor.Parse("#fcd34d"); // amber-300
    public static readonly SKColor White = SKColors.White;
}
