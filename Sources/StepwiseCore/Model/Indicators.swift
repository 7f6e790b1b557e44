import Foundation

/// One indicator of progress, in the project's own words in each language.
public struct Indicator: Codable, Equatable, Sendable {
    public var id: String
    /// The statement, by language code.
    public var text: [String: String]

    /// The statement in `language`, else in English, else the id.
    public func text(in language: String) -> String { text[language] ?? text["en"] ?? id }
}

/// The configurable set of indicators, read from `Resources/indicators.json`.
public struct IndicatorSet: Codable, Equatable, Sendable {
    public var indicators: [Indicator]
    /// The coach's own belief that the citizen will get a job, by language.
    public var coachBelief: [String: String]

    public init(indicators: [Indicator], coachBelief: [String: String]) {
        self.indicators = indicators
        self.coachBelief = coachBelief
    }

    /// Reads the set; problems name the file and field.
    public static func load(resources: URL) throws -> IndicatorSet {
        let url = resources.appendingPathComponent("indicators.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RecordProblem.missing("indicators.json")
        }
        do { return try JSONDecoder().decode(IndicatorSet.self, from: data) } catch let error as DecodingError {
            throw RecordProblem(file: "indicators.json", decoding: error)
        }
    }
}
