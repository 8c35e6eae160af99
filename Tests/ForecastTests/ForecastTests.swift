// Tests of the Forecast module.
