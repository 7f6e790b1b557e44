import StepwiseCore

@testable import StepwiseUI

/// Every wrapper of the screens and the text summary, for tests that hold a rule of line
/// breaking (`LocaleFormats.holdsTogether`) over all of them.
enum Wrappers {
    /// `text` wrapped to `width` columns by each wrapper, with the wrapper's name.
    static func all(_ text: String, width: Int) -> [(String, [String])] {
        [
            ("StyledLine", StyledLine([(text, .plain)]).wrapped(width: width, indent: 2).map { $0.segments.map(\.text).joined() }),
            ("StyledLine in styles", StyledLine(text.split(separator: " ").map { (String($0) + " ", Style.bold) }).wrapped(width: width, indent: 2).map { $0.segments.map(\.text).joined() }),
            ("DisplayWidth", DisplayWidth.wrap(text, width: width)),
            ("SummaryText", SummaryText.wrap(text, width: width)),
        ]
    }
}
