/// Draws a panel's grid, frame, tick labels, axis labels and title around its plot area.
struct AxisRenderer {
    var layout: PanelLayout
    var panel: Panel
    var theme: Theme
    var fonts: FontSet
    var pixelScale: Double

    /// Grid lines and frame, drawn before the data so that the data lies on top.
    func drawBackground(on canvas: Canvas) {
        guard layout.style == .axes else { return }
        let frame = layout.frame
        let s = pixelScale
        if panel.yAxis.showsGrid, !(layout.y is BandScale) {
            for tick in layout.yTicks {
                let y = layout.y.position(of: tick.value)
                guard y >= frame.minY - 0.5, y <= frame.maxY + 0.5 else { continue }
                canvas.rule(from: Point(frame.minX, y), to: Point(frame.maxX, y), thickness: theme.gridWidth * s,
                            color: theme.gridColor)
            }
        }
        if panel.xAxis.showsGrid, !(layout.x is BandScale) {
            for tick in layout.xTicks.ticks {
                let x = layout.x.position(of: tick.value)
                guard x >= frame.minX - 0.5, x <= frame.maxX + 0.5 else { continue }
                canvas.rule(from: Point(x, frame.minY), to: Point(x, frame.maxY), thickness: theme.gridWidth * s,
                            color: theme.gridColor)
            }
        }
    }

    /// The frame around the plot area, drawn over the data's edges.
    func drawFrame(on canvas: Canvas) {
        guard layout.style == .axes else { return }
        let frame = layout.frame
        let t = max(1, (theme.frameWidth * pixelScale).rounded())
        let color = theme.frameColor
        canvas.fill(Rect(x: frame.minX.rounded() - t, y: frame.minY.rounded() - t, width: frame.width.rounded() + 2 * t, height: t), color: color)
        canvas.fill(Rect(x: frame.minX.rounded() - t, y: frame.maxY.rounded(), width: frame.width.rounded() + 2 * t, height: t), color: color)
        canvas.fill(Rect(x: frame.minX.rounded() - t, y: frame.minY.rounded(), width: t, height: frame.height.rounded()), color: color)
        canvas.fill(Rect(x: frame.maxX.rounded(), y: frame.minY.rounded(), width: t, height: frame.height.rounded()), color: color)
    }

    /// Tick labels, axis labels and the panel title.
    func drawLabels(on canvas: Canvas) throws {
        let frame = layout.frame
        let s = pixelScale
        let pad = theme.padding * s
        let tickPad = 6 * s
        let tickFont = fonts.regular(theme.tickLabelSize)
        let labelFont = fonts.regular(theme.labelSize)

        if let title = panel.title, !title.isEmpty {
            let titleFont = fonts.bold(theme.panelTitleSize)
            let center = layout.style == .none ? layout.cell.midX : frame.midX
            // Centred over the plot, a long title is cut short rather than run into the next panel.
            let room = 2 * min(center - layout.cell.minX, layout.cell.maxX - center) - pad
            let title = try TextMeasurer().truncated(title, font: titleFont, toWidth: max(room, 0))
            try canvas.draw(title, font: titleFont, color: theme.textColor,
                            at: Point(center, layout.cell.minY + pad / 2), anchor: .topCenter)
        }
        guard layout.style != .none else { return }

        var tickExtent = 0.0
        if layout.showsXTickLabels {
            let rotation = layout.xTicks.rotation
            for (tick, width) in zip(layout.xTicks.ticks, layout.xTicks.widths) {
                let x = layout.x.position(of: tick.value)
                guard x >= frame.minX - 1, x <= frame.maxX + 1 else { continue }
                let anchorPoint = Point(x, frame.maxY + tickPad)
                if rotation == 0 {
                    try canvas.draw(tick.label, font: tickFont, color: theme.mutedTextColor, at: anchorPoint, anchor: .topCenter)
                    tickExtent = max(tickExtent, tickFont.ascent + tickFont.descent)
                } else {
                    try canvas.draw(tick.label, font: tickFont, color: theme.mutedTextColor,
                                    at: Point(x + (rotation == 90 ? 0 : tickFont.capHeight * 0.35), anchorPoint.y),
                                    anchor: rotation == 90 ? .trailing : TextAnchor(horizontal: .trailing, vertical: .top),
                                    degrees: rotation)
                    let box = TextLayout.bounds(width: width, font: tickFont, at: anchorPoint, anchor: .trailing, degrees: rotation)
                    tickExtent = max(tickExtent, box.maxY - anchorPoint.y)
                }
            }
            tickExtent += tickPad
        }
        if layout.showsXLabel, let label = panel.xAxis.label {
            try canvas.draw(label, font: labelFont, color: theme.textColor,
                            at: Point(frame.midX, frame.maxY + tickExtent + pad / 4), anchor: .topCenter)
        }

        var widest = 0.0
        if layout.showsYTickLabels {
            for (tick, width) in zip(layout.yTicks, layout.yTickWidths) {
                let y = layout.y.position(of: tick.value)
                guard y >= frame.minY - 1, y <= frame.maxY + 1 else { continue }
                try canvas.draw(tick.label, font: tickFont, color: theme.mutedTextColor,
                                at: Point(frame.minX - tickPad, y), anchor: .trailing)
                widest = max(widest, width)
            }
        }
        if layout.showsYLabel, let label = panel.yAxis.label {
            let x = frame.minX - tickPad - widest - pad / 2 - labelFont.lineHeight + labelFont.descent
            try canvas.draw(label, font: labelFont, color: theme.textColor,
                            at: Point(max(layout.cell.minX, x), frame.midY), anchor: .topCenter, degrees: 90)
        }
    }
}
