using TextLens.Core.Text;

namespace TextLens.Core.Tests.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("a\nb\nc")]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("a\rb\rc")]
    public void Maps_offsets_to_lines_for_every_line_ending(string text)
    {
        var source = SourceText.From(text);
        Assert.Equal(3, source.LineCount);
        int c = text.IndexOf('c');
        Assert.Equal(new LinePosition(2, 0), source.GetLinePosition(c));
        Assert.Equal(3, source.GetLinePosition(c).DisplayLine);
        Assert.Equal(1, source.GetLinePosition(c).DisplayColumn);
        Assert.Equal("b", source.ToString(source.GetLineSpan(1)));
    }

    [Fact]
    public void Columns_count_utf16_code_units()
    {
        var source = SourceText.From("x\n\U0001F600 ab");
        int a = source.Content.IndexOf('a');
        Assert.Equal(new LinePosition(1, 3), source.GetLinePosition(a));
    }

    [Fact]
    public void End_of_text_is_a_valid_position()
    {
        var source = SourceText.From("ab\n");
        Assert.Equal(new LinePosition(1, 0), source.GetLinePosition(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.GetLinePosition(4));
    }

    [Fact]
    public void Span_bounds_are_checked()
    {
        Assert.Equal(new TextSpan(2, 3), TextSpan.FromBounds(2, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextSpan.FromBounds(5, 2));
        Assert.True(new TextSpan(0, 5).Contains(new TextSpan(1, 2)));
        Assert.False(new TextSpan(0, 2).OverlapsWith(new TextSpan(2, 2)));
    }
}
