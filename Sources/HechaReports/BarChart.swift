/// An inline SVG horizontal bar chart (one bar a row, label on the left, value after the bar):
/// readable at phone width because the chart is at most 640 px wide and its text scales with it.
enum BarChart {
    struct Bar {
        var label: String
        var value: Int
    }

    static func svg(_ bars: [Bar], caption: String) -> String {
        let width = 400, labelWidth = 110, valueWidth = 40, rowHeight = 26, barHeight = 16, top = 4
        let plot = width - labelWidth - valueWidth
        let height = top * 2 + max(1, bars.count) * rowHeight
        let maxValue = max(1, bars.map(\.value).max() ?? 1)
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(caption))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        out += "<title>\(HTMLText.escape(caption))</title>\n"
        for (i, b) in bars.enumerated() {
            let y = top + i * rowHeight
            let w = b.value == 0 ? 0 : max(2, plot * b.value / maxValue)
            let mid = y + rowHeight / 2
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(mid)\" text-anchor=\"end\" dominant-baseline=\"central\">\(HTMLText.escape(b.label))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(mid - barHeight / 2)\" width=\"\(w)\" height=\"\(barHeight)\" rx=\"2\"></rect>"
            out += "<text x=\"\(labelWidth + w + 6)\" y=\"\(mid)\" dominant-baseline=\"central\" class=\"value\">\(b.value)</text>\n"
        }
        return out + "</svg>"
    }
}
