// Tests of the Inventory module.
