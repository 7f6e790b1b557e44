import Foundation

/// The summary typeset as a PDF on A4.
public struct SummaryPDF: Sendable {
    /// The PDF file.
    public let data: Data
    /// The number of pages.
    public let pages: Int
    /// The characters the fonts cannot draw, each printed by name in brackets instead
    /// (e.g. "✅" as "[WHITE HEAVY CHECK MARK]"), in the order they first appear.
    public let standIns: [String]
}

extension Summary {
    /// The summary typeset on A4 in `fonts`: the citizen's name as the title, a header with
    /// the title and "page N of M" in the summary's language on every page, sections with a
    /// heading that always has at least two lines after it on its page, the citizen's own
    /// words in bold and everyone else's in the regular face, and the indicators as bars.
    /// Throws `TrueTypeFont.Failure` when a font cannot be subset.
    public func pdf(fonts: SummaryFonts) throws -> SummaryPDF {
        var layout = SummaryLayout(faces: [fonts.regular, fonts.bold])
        let document = document
        let pages = layout.pages(document, pageLabel: pageLabel)
        let data = try PDFDocument.write(pages: pages.map(\.ops), faces: [fonts.regular, fonts.bold], title: document.title, language: language)
        return SummaryPDF(data: data, pages: pages.count, standIns: layout.typesetter.standIns)
    }

    /// "page n of m" in the summary's language, on every page of the PDF and of its preview.
    func pageLabel(_ n: Int, _ of: Int) -> String { strings("summary.page", ["n": String(n), "of": String(of)]) }
}

/// Lays out a `SummaryDocument` on A4 pages. Sizes are in points (1/72 inch).
struct SummaryLayout {
    static let left = 62.0
    static let right = PDFDocument.a4.width - 62
    static let bodyTop = PDFDocument.a4.height - 78
    static let bottom = 56.0
    static let headerBaseline = PDFDocument.a4.height - 40

    static let regular = 0
    static let bold = 1
    /// The distance between lines of body text.
    static let leading = 14.5
    static let body = TextStyle(face: regular, size: 10.5, gray: 0.1)
    static let own = TextStyle(face: bold, size: 10.5, gray: 0)
    static let strong = TextStyle(face: bold, size: 10.5, gray: 0.1)
    static let note = TextStyle(face: regular, size: 9.5, gray: 0.38)
    static let status = TextStyle(face: regular, size: 9, gray: 0.38)
    static let heading = TextStyle(face: bold, size: 13.5, gray: 0)
    static let title = TextStyle(face: bold, size: 20, gray: 0)
    static let header = TextStyle(face: regular, size: 8.5, gray: 0.4)
    static let factLabel = TextStyle(face: regular, size: 9.5, gray: 0.38)

    /// The most lines an item may have to be kept on one page whole.
    static let shortItem = 8

    var typesetter: Typesetter

    init(faces: [TrueTypeFont]) {
        typesetter = Typesetter(faces: faces)
    }

    /// A piece of a page that is placed whole: its drawing with y measured from its top
    /// (downwards negative), its height, the space wanted above it (dropped at the top of a
    /// page), and whether it must stay on the page of the block after it.
    struct Block {
        var ops: [PDFOp] = []
        var height: Double
        var spaceBefore = 0.0
        var keepWithNext = false
        /// True for a line of a paragraph after its first.
        var continuesParagraph = false
    }

    /// One page: its drawing, and the baselines (y, in points) of the lines that go on the
    /// paragraph of the line before them, so that the preview joins only those.
    struct Page {
        var ops: [PDFOp]
        var continuations: Set<Double>
    }

    // MARK: - Pages

    /// The pages. `pageLabel(n, of)` is "page n of of".
    mutating func pages(_ document: SummaryDocument, pageLabel: (Int, Int) -> String) -> [Page] {
        let bodies = paginate(blocks(document))
        var pages: [Page] = []
        for (index, body) in bodies.enumerated() {
            pages.append(Page(ops: header(title: document.title, label: pageLabel(index + 1, bodies.count)) + body.ops, continuations: body.continuations))
        }
        return pages
    }

    /// The title on the left and the page label on the right, small and grey, over a rule.
    private mutating func header(title: String, label: String) -> [PDFOp] {
        let style = Self.header
        let labelLine = typesetter.lines([(label, style)], width: Self.right - Self.left).first ?? []
        let labelWidth = labelLine.last.map { $0.x + $0.width } ?? 0
        let titleWidth = Self.right - Self.left - labelWidth - 18
        var ops = draw(typesetter.lines([(title, style)], width: titleWidth).first ?? [], x: Self.left, baseline: Self.headerBaseline)
        ops += draw(labelLine, x: Self.right - labelWidth, baseline: Self.headerBaseline)
        let ruleY = Self.headerBaseline - 7
        ops.append(.line(x1: Self.left, y1: ruleY, x2: Self.right, y2: ruleY, width: 0.5, gray: 0.6))
        return ops
    }

    /// Places blocks from the top of the body down, starting a new page when one does not
    /// fit; blocks that must stay with the next move with it.
    private func paginate(_ blocks: [Block]) -> [Page] {
        var pages: [Page] = []
        var current: [(block: Block, top: Double)] = []
        var y = Self.bodyTop
        func place(_ block: Block) {
            if !current.isEmpty { y -= block.spaceBefore }
            current.append((block, y))
            y -= block.height
        }
        func finishPage() {
            let placed = current.map { placed in (placed.block, placed.block.ops.map { Self.moved($0, by: placed.top) }) }
            let continuations = placed.filter { $0.0.continuesParagraph }.flatMap(\.1).compactMap { op -> Double? in
                if case .text(_, let y, _, _, _, _, _) = op { return y }
                return nil
            }
            pages.append(Page(ops: placed.flatMap(\.1), continuations: Set(continuations)))
            current = []
            y = Self.bodyTop
        }
        for block in blocks {
            let gap = current.isEmpty ? 0 : block.spaceBefore
            if !current.isEmpty && y - gap - block.height < Self.bottom {
                var carried: [Block] = []
                while let last = current.last, last.block.keepWithNext, current.count > 1 {
                    carried.insert(last.block, at: 0)
                    current.removeLast()
                }
                finishPage()
                carried.forEach(place)
            }
            place(block)
        }
        if !current.isEmpty || pages.isEmpty { finishPage() }
        return pages
    }

    private static func moved(_ op: PDFOp, by top: Double) -> PDFOp {
        switch op {
        case .text(let x, let y, let face, let size, let gray, let text, let actual):
            return .text(x: x, y: y + top, face: face, size: size, gray: gray, text: text, actual: actual)
        case .line(let x1, let y1, let x2, let y2, let width, let gray):
            return .line(x1: x1, y1: y1 + top, x2: x2, y2: y2 + top, width: width, gray: gray)
        case .rect(let x, let y, let width, let height, let fill, let stroke, let lineWidth):
            return .rect(x: x, y: y + top, width: width, height: height, fill: fill, stroke: stroke, lineWidth: lineWidth)
        }
    }

    // MARK: - Blocks

    private mutating func blocks(_ document: SummaryDocument) -> [Block] {
        var blocks = paragraph([(document.title, Self.title)], x: Self.left, width: Self.right - Self.left, leading: 25)
        if let last = blocks.indices.last { blocks[last].height += 8 }
        blocks += facts(document.facts)
        for section in document.sections {
            var heading = paragraph([(section.heading, Self.heading)], x: Self.left, width: Self.right - Self.left, leading: 18)
            if let first = heading.indices.first { heading[first].spaceBefore = 18 }
            if let last = heading.indices.last {
                let ruleY = -heading[last].height - 3
                heading[last].ops.append(.line(x1: Self.left, y1: ruleY, x2: Self.right, y2: ruleY, width: 0.5, gray: 0.65))
                heading[last].height += 8
            }
            var content: [Block] = []
            for item in section.items { content += self.item(item, indent: Self.left) }
            // A heading never ends a page: it stays with the first two lines below it.
            for index in heading.indices { heading[index].keepWithNext = true }
            if content.count > 1 { content[0].keepWithNext = true }
            blocks += heading + content
        }
        var closing = paragraph([(document.closing, Self.note)], x: Self.left, width: Self.right - Self.left, leading: 14)
        if !closing.isEmpty {
            closing[0].spaceBefore = 22
            closing[0].ops.append(.line(x1: Self.left, y1: 4, x2: Self.left + 120, y2: 4, width: 0.5, gray: 0.65))
            blocks += closing
        }
        return blocks
    }

    /// The facts as a two-column table: labels small and grey, values in the body face.
    private mutating func facts(_ facts: [SummaryFact]) -> [Block] {
        let widest = facts.map { typesetter.width($0.label, Self.factLabel) }.max() ?? 0
        let valueX = Self.left + min(150, widest + 14)
        var blocks: [Block] = []
        for fact in facts {
            let labels = typesetter.lines([(fact.label, Self.factLabel)], width: valueX - Self.left - 8)
            let values = typesetter.lines([(fact.value, Self.body)], width: Self.right - valueX)
            for index in 0..<max(labels.count, values.count) {
                var ops: [PDFOp] = []
                let baseline = Self.baseline(leading: Self.leading, size: Self.body.size)
                if index < labels.count { ops += draw(labels[index], x: Self.left, baseline: baseline) }
                if index < values.count { ops += draw(values[index], x: valueX, baseline: baseline) }
                blocks.append(Block(ops: ops, height: Self.leading))
            }
        }
        return blocks
    }

    /// An item: its marker, its text with a hanging indent, then its children further in,
    /// or its chart. An item's first line stays with what follows it.
    private mutating func item(_ item: SummaryItem, indent: Double) -> [Block] {
        let textX = indent + 14
        var blocks = paragraph(item.runs.map { ($0.text, Self.style($0.kind)) }, x: textX, width: Self.right - textX, leading: Self.leading)
        if let marker = item.marker, !blocks.isEmpty {
            let line = typesetter.lines([(marker, Self.body)], width: 14).first ?? []
            blocks[0].ops += draw(line, x: indent + 1, baseline: Self.baseline(leading: Self.leading, size: Self.body.size))
        }
        if let chart = item.chart, !chart.bars.isEmpty {
            if let last = blocks.indices.last { blocks[last].keepWithNext = true }
            blocks.append(self.chart(chart, x: textX))
            return blocks
        }
        let title = blocks.count
        for child in item.children { blocks += self.item(child, indent: textX + 2) }
        // A short item (an offer and its dates) stays whole; a long one (a goal with many
        // steps) keeps its title with the first two lines below it.
        let together = blocks.count <= SummaryLayout.shortItem ? blocks.count - 1 : min(blocks.count - 1, title + 2)
        for index in 0..<max(0, together) { blocks[index].keepWithNext = true }
        return blocks
    }

    /// Bars of the ratings on the scale 1–10: an outline for the whole scale, the rating
    /// filled in light grey (the latest a shade darker), and the number as text beside it.
    private mutating func chart(_ chart: SummaryChart, x: Double) -> Block {
        let rowHeight = 13.0
        // The bars of every indicator start at the same place, unless a label is longer.
        let labelWidth = max(64, (chart.bars.map { typesetter.width($0.label, Self.note) }.max() ?? 0) + 10)
        let unit = 17.0
        let trackX = x + labelWidth
        var ops: [PDFOp] = []
        for (row, bar) in chart.bars.enumerated() {
            let baseline = -Double(row + 1) * rowHeight + 2
            ops += draw(typesetter.lines([(bar.label, Self.note)], width: labelWidth).first ?? [], x: x, baseline: baseline)
            let barY = baseline - 1
            let value = max(0, min(SummaryChart.scale, bar.value))
            ops.append(
                .rect(x: trackX, y: barY, width: unit * Double(SummaryChart.scale), height: 8, fill: nil, stroke: 0.7, lineWidth: 0.4))
            let isLatest = row == chart.bars.count - 1
            ops.append(
                .rect(
                    x: trackX, y: barY, width: unit * Double(value), height: 8, fill: isLatest ? 0.72 : 0.9,
                    stroke: 0.35, lineWidth: 0.5))
            let number = typesetter.lines([(String(bar.value), isLatest ? Self.strong : Self.body)], width: 40).first ?? []
            ops += draw(number, x: trackX + unit * Double(SummaryChart.scale) + 8, baseline: baseline)
        }
        return Block(ops: ops, height: Double(chart.bars.count) * rowHeight + 6)
    }

    /// Text set in lines, one block per line.
    private mutating func paragraph(_ spans: [(String, TextStyle)], x: Double, width: Double, leading: Double) -> [Block] {
        let size = spans.map(\.1.size).max() ?? Self.body.size
        return typesetter.lines(spans.map { (text: $0.0, style: $0.1) }, width: width).enumerated().map { index, line in
            Block(ops: draw(line, x: x, baseline: Self.baseline(leading: leading, size: size)), height: leading, continuesParagraph: index > 0)
        }
    }

    /// Where the baseline of text of `size` points sits in a line `leading` points high,
    /// measured down from the line's top (negative).
    static func baseline(leading: Double, size: Double) -> Double { -(leading + size) / 2 - size * 0.22 }

    private func draw(_ line: [Fragment], x: Double, baseline: Double) -> [PDFOp] {
        line.compactMap { fragment in
            let text = fragment.actual == nil ? SummaryLayout.trimmed(fragment.text, last: fragment == line.last) : fragment.text
            guard !text.isEmpty else { return nil }
            return .text(
                x: x + fragment.x, y: baseline, face: fragment.style.face, size: fragment.style.size, gray: fragment.style.gray,
                text: text, actual: fragment.actual)
        }
    }

    /// A line's last fragment without the spaces at its end.
    private static func trimmed(_ text: String, last: Bool) -> String {
        guard last else { return text }
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    private static func style(_ kind: SummaryRun.Kind) -> TextStyle {
        switch kind {
        case .plain, .mono: return body
        case .own: return own
        case .strong: return strong
        case .note: return note
        case .status: return status
        }
    }
}
