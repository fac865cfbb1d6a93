using SkiaSharp;

namespace ExecutiveDashboard.Exports.Pdf.Layout;

/// <summary>The few vector shapes the document uses: card outlines, rules, change arrows.</summary>
internal static class Shapes
{
    public static void Card(SKCanvas canvas, SKRect rect, SKColor? fill = null, SKColor? border = null)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = fill ?? Palette.White, Style = SKPaintStyle.Fill };
        canvas.DrawRoundRect(rect, 5, 5, paint);
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = 0.75f;
        paint.Color = border ?? Palette.Border;
        canvas.DrawRoundRect(rect, 5, 5, paint);
    }

    public static void Fill(SKCanvas canvas, SKRect rect, SKColor color, float radius = 0)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color, Style = SKPaintStyle.Fill };
        if (radius > 0) canvas.DrawRoundRect(rect, radius, radius, paint);
        else canvas.DrawRect(rect, paint);
    }

    public static void Rule(SKCanvas canvas, float x0, float x1, float y, SKColor color, float width = 0.5f)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(x0, y, x1, y, paint);
    }

    /// <summary>A filled triangle pointing up or down, its base centred on <paramref name="centerX"/>, drawn as a path
    /// rather than a glyph so that it looks the same whatever the font has.</summary>
    public static void Arrow(SKCanvas canvas, float centerX, float centerY, float size, bool up, SKColor color)
    {
        using var builder = new SKPathBuilder();
        var half = size / 2;
        var h = size * 0.85f / 2;
        if (up)
        {
            builder.MoveTo(centerX - half, centerY + h);
            builder.LineTo(centerX + half, centerY + h);
            builder.LineTo(centerX, centerY - h);
        }
        else
        {
            builder.MoveTo(centerX - half, centerY - h);
            builder.LineTo(centerX + half, centerY - h);
            builder.LineTo(centerX, centerY + h);
        }
        builder.Close();
        using var path = builder.Detach();
        using var paint = new SKPaint { IsAntialias = true, Color = color, Style = SKPaintStyle.Fill };
        canvas.DrawPath(path, paint);
    }
}
