/// A chart as data, drawn as SVG on the server so it prints in a PDF and needs no JavaScript. `table` is the same
/// data as a table: the accessible alternative, printed under the chart.
public struct ReportChart: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        /// One horizontal bar per series for each category (computed and validated side by side).
        case bars = "barre"
        /// Vertical bars: how many items fall in each bucket.
        case histogram = "istogramma"
    }

    public struct Series: Sendable, Encodable {
        public var name: String
        /// One value per category; nil is drawn as "non rilevato", never as a zero-length bar.
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var categories: [String]
    public var series: [Series]
    /// The axis runs from 0 to this value (100 for scores).
    public var maximum: Double
    /// Unit of the values as printed on the bars ("", "%", "punti").
    public var unit: String
    public var table: ReportTable?

    public init(
        id: String, title: String, kind: Kind, categories: [String], series: [Series], maximum: Double, unit: String = "",
        table: ReportTable? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.categories = categories
        self.series = series
        self.maximum = maximum
        self.unit = unit
        self.table = table
    }
}
