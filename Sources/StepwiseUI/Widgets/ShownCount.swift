import StepwiseCore

/// A list's count for its title bar: "27 offers" when every item is listed, "3 of 27 offers
/// shown" when a filter or a search hides some. `noun` names the string pair: `noun.count`
/// ({n}) and `noun.shown` ({shown} of {n}), both with singular and plural forms chosen by the
/// total, since the noun counts the total ("1 of 27 offers", "0 of 1 offer").
enum ShownCount {
    static func text(_ noun: String, shown: Int, of total: Int, strings s: Localizer) -> String {
        shown == total ? s(noun + ".count", count: total) : s(noun + ".shown", count: total, ["shown": String(shown)])
    }
}
