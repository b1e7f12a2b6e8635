/// One journey of a portfolio, as the checker left it.
public struct PortfolioJourney: Sendable {
    /// The file's path, as given.
    public var path: String
    /// The journey with its catalogues resolved.
    public var journey: Journey
    /// The analyser's findings about it.
    public var findings: [Diagnostic]

    /// A checked journey of the portfolio.
    public init(path: String, journey: Journey, findings: [Diagnostic]) {
        self.path = path
        self.journey = journey
        self.findings = findings
    }
}

/// A channel's status set in every journey of a portfolio (`--retire`, `--launch`).
public struct ChannelStatusChange: Sendable, Hashable {
    /// The channel's id.
    public var channel: String
    /// The status it gets.
    public var status: Channel.Status

    /// `channel` set to `status`.
    public init(channel: String, status: Channel.Status) {
        self.channel = channel
        self.status = status
    }
}

/// What a CX lead sees across all journeys of a portfolio: `cjm portfolio`.
///
/// Every list is sorted by id (owners by name), so the same portfolio gives the same report.
public struct PortfolioReport: Sendable, Hashable {
    /// A journey's size and findings.
    public struct JourneySummary: Sendable, Hashable {
        /// The journey's id.
        public var id: String
        /// The journey's title.
        public var title: String
        /// Its file, as found below the portfolio's folder.
        public var path: String
        /// How many stages it has.
        public var stages: Int
        /// How many touchpoints it has.
        public var touchpoints: Int
        /// Findings by severity.
        public var errors: Int, warnings: Int, infos: Int
    }

    /// How many touchpoints of one journey use a channel, or which stages of it reach a persona.
    public struct Use: Sendable, Hashable {
        /// The journey's id.
        public var journey: String
        /// Touchpoints on the channel (channels only).
        public var touchpoints: Int
        /// Ids of the stages that reach the persona (personas only).
        public var stages: [String]
    }

    /// A channel and the journeys that use it; no journeys means no journey uses it.
    public struct ChannelUsage: Sendable, Hashable {
        /// The channel's id.
        public var id: String
        /// Its human name.
        public var name: String
        /// Its status, as its (first) definition gives it.
        public var status: Channel.Status
        /// The journeys with touchpoints on it, by id.
        public var journeys: [Use]
    }

    /// A persona and the journeys that reach it; no journeys means no journey reaches it.
    public struct PersonaReach: Sendable, Hashable {
        /// The persona's id.
        public var id: String
        /// Its human name.
        public var name: String
        /// The journeys whose audience holds it and whose stages reach it, by id.
        public var journeys: [Use]
    }

    /// An owning team's share of the portfolio.
    public struct OwnerLoad: Sendable, Hashable {
        /// The team, as touchpoints name it in `owner`.
        public var owner: String
        /// How many touchpoints it owns, across journeys.
        public var touchpoints: Int
        /// How many of those are moments of truth.
        public var momentsOfTruth: Int
    }

    /// The findings a what-if change introduces and resolves in one journey.
    public struct WhatIfJourney: Sendable, Hashable {
        /// The journey's id.
        public var id: String
        /// Findings the change adds.
        public var introduced: [Diagnostic]
        /// Findings the change removes.
        public var resolved: [Diagnostic]
    }

    /// The what-if part: the changes and their effect per journey.
    public struct WhatIf: Sendable, Hashable {
        /// The statuses set, `--retire` ones first.
        public var changes: [ChannelStatusChange]
        /// Every journey, by id, with what the change does to it.
        public var journeys: [WhatIfJourney]

        /// Every finding the changes introduce.
        public var introduced: [Diagnostic] { journeys.flatMap(\.introduced) }
        /// Every finding the changes resolve.
        public var resolved: [Diagnostic] { journeys.flatMap(\.resolved) }
    }

    /// Every journey, by id.
    public var journeys: [JourneySummary]
    /// Every channel of the journeys and their catalogues, by id.
    public var channels: [ChannelUsage]
    /// Every persona of the journeys and their catalogues, by id.
    public var personas: [PersonaReach]
    /// Every owning team, by name.
    public var owners: [OwnerLoad]
    /// The effect of `--retire` and `--launch`; `nil` without them.
    public var whatIf: WhatIf?
}

/// Builds the `PortfolioReport` of checked journeys.
public enum PortfolioAnalysis {
    /// The report of `journeys`; `catalogs` adds the catalogue personas and channels that no
    /// journey brings in. With `changes`, each journey is analysed again by `analyzer` with the
    /// channels' statuses set, and its findings compared as `cjm diff` compares them.
    public static func report(
        _ journeys: [PortfolioJourney], catalogs: [Catalog] = [], changes: [ChannelStatusChange] = [], analyzer: Analyzer = Analyzer()
    ) -> PortfolioReport {
        let sorted = journeys.sorted { ($0.journey.id, $0.path) < ($1.journey.id, $1.path) }
        let summaries = sorted.map { entry in
            PortfolioReport.JourneySummary(
                id: entry.journey.id, title: entry.journey.title, path: entry.path, stages: entry.journey.stages.count,
                touchpoints: entry.journey.stages.reduce(0) { $0 + $1.touchpoints.count },
                errors: entry.findings.count { $0.severity == .error }, warnings: entry.findings.count { $0.severity == .warning },
                infos: entry.findings.count { $0.severity == .info })
        }

        // The first definition of each id wins: catalogues define it the same for every journey.
        var channels: [String: Channel] = [:]
        var personas: [String: Persona] = [:]
        for entry in sorted {
            for channel in entry.journey.channels where channels[channel.id] == nil { channels[channel.id] = channel }
            for persona in entry.journey.personas where personas[persona.id] == nil { personas[persona.id] = persona }
        }
        for catalog in catalogs {
            for channel in catalog.channels where channels[channel.id] == nil { channels[channel.id] = channel }
            for persona in catalog.personas where personas[persona.id] == nil { personas[persona.id] = persona }
        }

        let channelUsage = channels.values.sorted { $0.id < $1.id }.map { channel in
            let uses = sorted.compactMap { entry -> PortfolioReport.Use? in
                let count = entry.journey.touchpoints.count { $0.channels.contains(channel.id) }
                return count == 0 ? nil : PortfolioReport.Use(journey: entry.journey.id, touchpoints: count, stages: [])
            }
            return PortfolioReport.ChannelUsage(id: channel.id, name: channel.name, status: channel.status, journeys: uses)
        }
        let personaReach = personas.values.sorted { $0.id < $1.id }.map { persona in
            let uses = sorted.compactMap { entry -> PortfolioReport.Use? in
                // Only the journey's audience: the personas it kept when its catalogues were resolved.
                guard entry.journey.personas.contains(where: { $0.id == persona.id }) else { return nil }
                let stages = entry.journey.stages.filter { $0.touchpoints.contains { $0.isAimed(at: persona.id) } }.map(\.id)
                return stages.isEmpty ? nil : PortfolioReport.Use(journey: entry.journey.id, touchpoints: 0, stages: stages)
            }
            return PortfolioReport.PersonaReach(id: persona.id, name: persona.name, journeys: uses)
        }

        var owners: [String: PortfolioReport.OwnerLoad] = [:]
        for entry in sorted {
            for touchpoint in entry.journey.touchpoints {
                guard let owner = touchpoint.owner else { continue }
                owners[owner, default: PortfolioReport.OwnerLoad(owner: owner, touchpoints: 0, momentsOfTruth: 0)].touchpoints += 1
                if touchpoint.momentOfTruth { owners[owner]?.momentsOfTruth += 1 }
            }
        }

        var whatIf: PortfolioReport.WhatIf?
        if !changes.isEmpty {
            let effects = sorted.map { entry in
                var changed = entry.journey
                for change in changes {
                    for index in changed.channels.indices where changed.channels[index].id == change.channel {
                        changed.channels[index].status = change.status
                    }
                }
                // Both sides analysed here, alike: the check's findings may include KPI actuals.
                let before = analyzer.analyze(AnalyzedJourney(entry.journey))
                let after = changed == entry.journey ? before : analyzer.analyze(AnalyzedJourney(changed))
                let diff = JourneyDiff.compare(old: entry.journey, oldFindings: before, new: changed, newFindings: after)
                return PortfolioReport.WhatIfJourney(id: entry.journey.id, introduced: diff.introducedFindings, resolved: diff.resolvedFindings)
            }
            whatIf = PortfolioReport.WhatIf(changes: changes, journeys: effects)
        }
        return PortfolioReport(journeys: summaries, channels: channelUsage, personas: personaReach,
                               owners: owners.values.sorted { $0.owner < $1.owner }, whatIf: whatIf)
    }
}
