import Foundation
import StepwiseCore

/// Draws lines from `top` up to `bottom`, scrolled so the selected lines are in view.
enum ListDrawing {
    static func draw(_ lines: [(line: StyledLine, selected: Bool)], top: Int, bottom: Int, into buffer: inout ScreenBuffer) {
        let height = max(0, bottom - top)
        let selected = lines.indices.filter { lines[$0].selected }
        var first = 0
        if let last = selected.last, let start = selected.first {
            first = min(max(0, last - height + 1), max(0, start - 1))
        }
        for (offset, entry) in lines.dropFirst(first).prefix(height).enumerated() {
            let y = top + offset
            guard entry.selected else {
                entry.line.draw(into: &buffer, x: 1, y: y, width: buffer.width - 2)
                continue
            }
            buffer.fill(y: y, style: .selected)
            if first + offset == selected.first { buffer.put("›", x: 0, y: y, style: .selected) }
            var line = entry.line
            line.segments = line.segments.map { (text: $0.text, style: Style(bold: $0.style.bold, reverse: true, role: $0.style.role)) }
            line.draw(into: &buffer, x: 1, y: y, width: buffer.width - 2)
        }
    }
}
