/// The councils with adult social services responsibilities (CASSRs), read from
/// `Reference/councils.json`: the join between the CASSR codes of the returns and the ONS codes
/// and names of the published figures, with each council's region, type and validity period.
public struct Councils: Sendable, Hashable, Codable {
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    public var status: Status
    public var source: String
    public var regions: [Region]
    public var councils: [Council]
    /// Councils created by reorganisation since 2021 whose CASSR code is not confirmed (provisional):
    /// known by ONS code and name, never given an invented code.
    public var successors: [Successor]?

    public struct Region: Sendable, Hashable, Codable {
        /// ONS region code (`E12000007`).
        public var code: String
        public var name: String
    }

    public init(schemaVersion: Int = 1, status: Status, source: String, regions: [Region], councils: [Council]) {
        self.schemaVersion = schemaVersion
        self.status = status
        self.source = source
        self.regions = regions
        self.councils = councils
    }

    /// The council with this CASSR code, valid in `year` when given.
    public func council(cassr: String, year: String? = nil) -> Council? {
        councils.first { $0.cassr == cassr && (year.map($0.isValid(in:)) ?? true) }
    }

    /// The council with this ONS code, valid in `year` when given.
    public func council(ons: String, year: String? = nil) -> Council? {
        councils.first { $0.ons == ons && (year.map($0.isValid(in:)) ?? true) }
    }

    /// The council whose name matches (case and punctuation ignored), valid in `year` when given.
    public func council(named name: String, year: String? = nil) -> Council? {
        let key = Self.nameKey(name)
        return councils.first { Self.nameKey($0.name) == key && (year.map($0.isValid(in:)) ?? true) }
    }

    /// A name reduced to letters and digits, lower case: `"Bristol, City of"` → `bristolcityof`.
    public static func nameKey(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    public func regionName(_ code: String) -> String? { regions.first { $0.code == code }?.name }

    /// The successor council (CASSR code not confirmed) with this ONS code or name, valid in `year` when given.
    public func successor(ons: String, name: String, year: String? = nil) -> Successor? {
        let key = Self.nameKey(name)
        return (successors ?? []).first { s in
            (s.ons == ons || (!key.isEmpty && Self.nameKey(s.name) == key)) && (year.map { y in s.validFrom.map { y >= $0 } ?? true } ?? true)
        }
    }
}

/// A council created by reorganisation since 2021 whose 5-character CASSR code is not in the
/// reference data yet (`Reference/councils.json`, `successors`, status provisional).
public struct Successor: Sendable, Hashable, Codable {
    public var ons: String
    public var name: String
    public var region: String
    public var regionName: String
    public var type: Council.Kind
    /// First survey year of the council.
    public var validFrom: String?
    public var status: Status
    /// Which councils it succeeded and where its code was looked for.
    public var note: String?
}

/// One council and the years its code is valid.
public struct Council: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case unitaryAuthority = "unitary-authority"
        case metropolitanDistrict = "metropolitan-district"
        case londonBorough = "london-borough"
        case shireCounty = "shire-county"
    }

    /// CASSR code as the returns use it: 3 digits, or 5 characters for councils created since 2021.
    public var cassr: String
    /// ONS area code (`E09000002`).
    public var ons: String
    public var name: String
    /// ONS region code (`E12000007`).
    public var region: String
    public var regionName: String
    public var type: Kind
    /// First survey year the code is valid (nil = before the years covered).
    public var validFrom: String?
    /// Last survey year the code is valid (nil = still valid).
    public var validTo: String?
    public var note: String?

    public init(cassr: String, ons: String, name: String, region: String, regionName: String, type: Kind,
                validFrom: String? = nil, validTo: String? = nil, note: String? = nil) {
        self.cassr = cassr
        self.ons = ons
        self.name = name
        self.region = region
        self.regionName = regionName
        self.type = type
        self.validFrom = validFrom
        self.validTo = validTo
        self.note = note
    }

    /// Whether the code is valid in a survey year (`YYYY-YY`; such strings order as the years do).
    public func isValid(in year: String) -> Bool {
        (validFrom.map { year >= $0 } ?? true) && (validTo.map { year <= $0 } ?? true)
    }
}
