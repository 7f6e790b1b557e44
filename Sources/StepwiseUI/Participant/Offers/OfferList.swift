import StepwiseCore

/// The offers a filter lists, kept between keys (the offers tab and the catalogue screen):
/// filtering and sorting thousands of offers is done once per change of the offers, the filter
/// or the language, never for a key that only moves the selection.
enum OfferList {
    /// What a list is made from: the offers' revision (`AppState.offersRevision`), the filter
    /// and the language whose alphabet sorts the titles.
    struct Inputs: Equatable, Sendable {
        var offers: Int
        var filter: OfferFilter
        var language: String
    }
}

extension AppState {
    /// The offers `filter` lists, in order (`OfferFilter.list` in the screen's alphabet): the
    /// list kept by `keepListed` when it was made from the same inputs, else made now.
    func listed(_ filter: OfferFilter, env: UIEnvironment) -> [Offer] {
        offerList.value(for: OfferList.Inputs(offers: offersRevision, filter: filter, language: env.strings.language))
            ?? filter.list(offers, order: env.strings.formats)
    }

    /// Keeps the offers `filter` lists (made unless kept already), for the keys and frames to come.
    mutating func keepListed(_ filter: OfferFilter, env: UIEnvironment) {
        let inputs = OfferList.Inputs(offers: offersRevision, filter: filter, language: env.strings.language)
        guard offerList.value(for: inputs) == nil else { return }
        offerList.keep(filter.list(offers, order: env.strings.formats), for: inputs)
    }
}
