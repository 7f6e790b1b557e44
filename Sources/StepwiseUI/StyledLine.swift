/// A line of text made of styled pieces, as tab contents are written.
public struct StyledLine: Equatable, Sendable {
    public var segments: [(text: String, style: Style)]

    public init(_ segments: [(String, Style)]) { self.segments = segments.map { (text: $0.0, style: $0.1) } }

    /// A line in one style.
    public init(_ text: String, _ style: Style = .plain) { self.init([(text, style)]) }

    /// An empty line.
    public static let blank = StyledLine("")

    /// Draws the line at (x, y) within `width` columns.
    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        var column = x
        for segment in segments {
            column += buffer.put(segment.text, x: column, y: y, style: segment.style, limit: max(0, x + width - column))
        }
    }

    public static func == (lhs: StyledLine, rhs: StyledLine) -> Bool {
        lhs.segments.map(\.text) == rhs.segments.map(\.text) && lhs.segments.map(\.style) == rhs.segments.map(\.style)
    }
}
