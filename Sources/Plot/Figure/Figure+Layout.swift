import Foundation

extension Figure {
    /// Lays out every panel: cells, margins that fit the tick labels, scales, ticks and legends.
    ///
    /// Margins depend on tick labels and tick labels on the plot size, so each panel settles over a few
    /// passes; then panels in one column share left and right margins and panels in one row share top
    /// and bottom margins so that their plot areas line up. A legend that would hide data everywhere
    /// inside the plot moves outside, which needs one more layout.
    func layout(fonts: FontSet, measure: TextMeasurer) throws -> [PanelLayout] {
        let xExtents = try sharedExtents(\.x, shared: sharesX, axis: "x")
        let yExtents = try sharedExtents(\.y, shared: sharesY, axis: "y")
        var outside = panels.map { $0.legend == .outside }
        var layouts: [PanelLayout] = []
        for _ in 0..<3 {
            layouts = try layoutPanels(xExtents: xExtents, yExtents: yExtents, legendOutside: outside,
                                       fonts: fonts, measure: measure)
            var moved = false
            for index in layouts.indices where !layouts[index].legendEntries.isEmpty {
                guard let size = layouts[index].legendSize else { continue }
                let frame = layouts[index].frame
                let inset = 10 * scale
                switch panels[index].legend {
                case .hidden:
                    layouts[index].legendBox = nil
                case let .inside(corner):
                    layouts[index].legendBox = LegendPlacement.corner(corner, size: size, in: frame, inset: inset)
                case .outside:
                    layouts[index].legendBox = outsideBox(size: size, layout: layouts[index])
                case .automatic:
                    if outside[index] {
                        layouts[index].legendBox = outsideBox(size: size, layout: layouts[index])
                        continue
                    }
                    let context = layouts[index].context(pixelScale: scale, theme: theme)
                    let footprint = panels[index].layers.flatMap { $0.footprint(in: context) }
                    if let spot = LegendPlacement.freeSpot(size: size, in: frame, avoiding: footprint, inset: inset) {
                        layouts[index].legendBox = spot
                    } else {
                        outside[index] = true
                        moved = true
                    }
                }
            }
            if !moved { break }
        }
        return layouts
    }

    private func outsideBox(size: (width: Double, height: Double), layout: PanelLayout) -> Rect {
        Rect(x: layout.frame.maxX + layout.colorbarWidth + 2 * theme.padding * scale, y: layout.frame.minY,
             width: size.width, height: size.height)
    }

    /// Each panel's extent along an axis, or all panels' merged extent when the axis is shared.
    private func sharedExtents(_ axis: KeyPath<any Layer, Extent>, shared: Bool, axis name: String) throws -> [Extent] {
        let own = panels.map { $0.extent(axis) }
        guard shared else { return own }
        var merged = Extent.none
        for extent in own {
            guard let next = merged.merged(with: extent) else {
                throw PlotError.axisKindMismatch(chart: "shared \(name) axis", axis: name, existing: merged.kindName,
                                                 new: extent.kindName)
            }
            merged = next
        }
        return own.map { $0 == .none ? .none : merged }
    }

    private func layoutPanels(xExtents: [Extent], yExtents: [Extent], legendOutside: [Bool], fonts: FontSet,
                              measure: TextMeasurer) throws -> [PanelLayout] {
        let s = scale
        let pad = theme.padding * s
        let (pixelWidth, pixelHeight) = pixelSize
        var top = pad
        if let title, !title.isEmpty { top += fonts.bold(theme.titleSize).lineHeight + pad }
        let area = Rect(x: pad, y: top, width: Double(pixelWidth) - 2 * pad, height: Double(pixelHeight) - top - pad)
        let cellWidth = area.width / Double(columns), cellHeight = area.height / Double(rows)

        var layouts: [PanelLayout] = []
        var margins: [Margins] = []
        for (index, panel) in panels.enumerated() {
            let row = index / columns, column = index % columns
            let cell = Rect(x: area.minX + Double(column) * cellWidth, y: area.minY + Double(row) * cellHeight,
                            width: cellWidth, height: cellHeight)
            var layout = try initialLayout(panel, cell: cell, row: row, column: column, legendOutside: legendOutside[index],
                                           fonts: fonts, measure: measure)
            var current = Margins(left: 60 * s, right: 20 * s, top: 20 * s, bottom: 50 * s)
            for _ in 0..<4 {
                try settle(&layout, panel: panel, margins: current, xExtent: xExtents[index], yExtent: yExtents[index],
                           fonts: fonts, measure: measure)
                let needed = try neededMargins(layout, panel: panel, fonts: fonts, measure: measure)
                if needed.isClose(to: current) { break }
                current = needed
            }
            layouts.append(layout)
            margins.append(current)
        }

        if panels.count > 1 {
            var aligned = margins
            for index in panels.indices {
                let row = index / columns, column = index % columns
                let sameColumn = panels.indices.filter { $0 % columns == column }
                let sameRow = panels.indices.filter { $0 / columns == row }
                aligned[index].left = sameColumn.map { margins[$0].left }.max() ?? margins[index].left
                aligned[index].right = sameColumn.map { margins[$0].right }.max() ?? margins[index].right
                aligned[index].top = sameRow.map { margins[$0].top }.max() ?? margins[index].top
                aligned[index].bottom = sameRow.map { margins[$0].bottom }.max() ?? margins[index].bottom
            }
            for index in panels.indices {
                try settle(&layouts[index], panel: panels[index], margins: aligned[index], xExtent: xExtents[index],
                           yExtent: yExtents[index], fonts: fonts, measure: measure)
            }
        }
        return layouts
    }

    private func initialLayout(_ panel: Panel, cell: Rect, row: Int, column: Int, legendOutside: Bool, fonts: FontSet,
                               measure: TextMeasurer) throws -> PanelLayout {
        let style = panel.frameStyle
        var entries: [LegendEntry] = []
        if panel.legend != .hidden {
            entries = panel.layers.flatMap { $0.legendEntries(palette: theme.palette) }
            if entries.count < 2 { entries = [] }
        }
        let legendFont = fonts.regular(theme.legendSize)
        let legendSize = entries.isEmpty ? nil : try LegendBox(entries: entries, font: legendFont, pixelScale: scale).size()
        let axes = style != .none
        return PanelLayout(
            cell: cell, frame: cell, x: LinearScale(lower: 0, upper: 1, rangeStart: 0, rangeEnd: 1),
            y: LinearScale(lower: 0, upper: 1, rangeStart: 0, rangeEnd: 1),
            xTicks: TickFitting.Horizontal(ticks: [], widths: [], rotation: 0), yTicks: [], yTickWidths: [],
            showsXTickLabels: axes && (!sharesX || row == rows - 1),
            showsYTickLabels: axes && (!sharesY || column == 0),
            showsXLabel: axes && panel.xAxis.label != nil && (!sharesX || row == rows - 1),
            showsYLabel: axes && panel.yAxis.label != nil && (!sharesY || column == 0),
            style: style, legendEntries: entries, legendSize: legendSize,
            legendOutside: legendOutside && legendSize != nil, legendBox: nil,
            colorbar: panel.layers.lazy.compactMap { $0.colorbar(theme: theme) }.first, colorbarWidth: 0)
    }

    /// Places the plot area inside the cell's margins and builds scales and ticks for it.
    private func settle(_ layout: inout PanelLayout, panel: Panel, margins: Margins, xExtent: Extent, yExtent: Extent,
                        fonts: FontSet, measure: TextMeasurer) throws {
        let cell = layout.cell
        let frame = Rect(x: cell.minX + margins.left, y: cell.minY + margins.top,
                         width: max(10, cell.width - margins.left - margins.right),
                         height: max(10, cell.height - margins.top - margins.bottom))
        layout.frame = frame
        layout.x = ScaleBuilder.scale(for: xExtent, axis: panel.xAxis, from: frame.minX, to: frame.maxX, vertical: false)
        layout.y = ScaleBuilder.scale(for: yExtent, axis: panel.yAxis, from: frame.maxY, to: frame.minY, vertical: true)
        let tickFont = fonts.regular(theme.tickLabelSize)
        layout.xTicks = try TickFitting.horizontal(scale: layout.x, format: panel.xAxis.format, font: tickFont,
                                                   length: frame.width, pixelScale: scale,
                                                   maxLabelLength: cell.height * 0.3, measure: measure)
        layout.yTicks = try TickFitting.vertical(scale: layout.y, format: panel.yAxis.format, font: tickFont,
                                                 length: frame.height, pixelScale: scale,
                                                 maxLabelLength: cell.width * 0.3, measure: measure)
        layout.yTickWidths = try layout.yTicks.map { try measure.width($0.label, font: tickFont) }
        if let colorbar = layout.colorbar {
            layout.colorbarWidth = try colorbar.width(font: tickFont, pixelScale: scale, measure: measure, length: frame.height)
        }
    }

    /// The margins the current ticks, titles, legend and colour bar need.
    private func neededMargins(_ layout: PanelLayout, panel: Panel, fonts: FontSet, measure: TextMeasurer) throws -> Margins {
        let s = scale
        let pad = theme.padding * s
        let tickPad = 6 * s
        let tickFont = fonts.regular(theme.tickLabelSize)
        let labelFont = fonts.regular(theme.labelSize)
        var margins = Margins(left: pad, right: pad, top: pad, bottom: pad)
        if let title = panel.title, !title.isEmpty {
            margins.top = fonts.bold(theme.panelTitleSize).lineHeight + pad
        } else {
            margins.top = max(pad, tickFont.size * 0.7)
        }
        guard layout.style != .none else { return margins }

        if layout.showsYTickLabels, let widest = layout.yTickWidths.max() {
            margins.left += widest + tickPad
        }
        if layout.showsYLabel { margins.left += labelFont.lineHeight + pad / 2 }

        let ticks = layout.xTicks
        if layout.showsXTickLabels, !ticks.ticks.isEmpty {
            let widest = ticks.widths.max() ?? 0
            let extent: Double
            switch ticks.rotation {
            case 0: extent = tickFont.ascent + tickFont.descent
            case 90: extent = widest + tickFont.descent
            default: extent = widest * 0.7072 + tickFont.lineHeight * 0.75
            }
            margins.bottom += extent + tickPad
            // Labels centred on the first and last ticks may reach past the plot's edges.
            let frame = layout.frame
            if let first = ticks.ticks.first, let firstWidth = ticks.widths.first {
                let position = layout.x.position(of: first.value)
                let reach = ticks.rotation == 0 ? firstWidth / 2 : firstWidth * (ticks.rotation == 90 ? 0 : 0.7072)
                let overflow = frame.minX - (position - reach)
                if overflow > 0 { margins.left = max(margins.left, overflow + pad) }
            }
            if ticks.rotation == 0, let last = ticks.ticks.last, let lastWidth = ticks.widths.last {
                let overflow = layout.x.position(of: last.value) + lastWidth / 2 - frame.maxX
                if overflow > 0 { margins.right = max(margins.right, overflow + pad) }
            }
        }
        if layout.showsXLabel { margins.bottom += labelFont.lineHeight + pad / 2 }

        var right = pad + layout.colorbarWidth
        if layout.legendOutside, let size = layout.legendSize { right += size.width + 2 * pad }
        margins.right = max(margins.right, right)
        return margins
    }
}
