//! R-SALES-13: a customer may be restricted to one kind of order — "blocks delivery" leaves
//! pickup orders only, "blocks pickup" leaves delivery orders only. Checked when an order is
//! included, so the refusal says which kind the customer does take.

use super::choice::choice;

choice! {
    #[derive(Default)]
    pub enum DeliveryBlock {
        #[default]
        None = "none" => "Não bloqueia quanto a entrega/retira",
        BlocksDelivery = "blocks_delivery" => "Bloqueia pedido tipo entrega",
        BlocksPickup = "blocks_pickup" => "Bloqueia pedido tipo retira",
    }
}

choice! {
    /// How the goods of an order reach the customer.
    pub enum DeliveryMode {
        Delivery = "delivery" => "Entrega",
        Pickup = "pickup" => "Retira",
    }
}

impl DeliveryBlock {
    /// Whether an order of `mode` may go through for this customer; the reason when not.
    pub fn allows(self, mode: DeliveryMode) -> Result<(), &'static str> {
        match (self, mode) {
            (DeliveryBlock::BlocksDelivery, DeliveryMode::Delivery) => {
                Err("Este cliente só aceita pedidos do tipo retira.")
            }
            (DeliveryBlock::BlocksPickup, DeliveryMode::Pickup) => {
                Err("Este cliente só aceita pedidos do tipo entrega.")
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sales::choice::assert_stable_codes;

    #[test]
    fn r_sales_13_no_block_takes_any_order() {
        assert_eq!(DeliveryBlock::None.allows(DeliveryMode::Delivery), Ok(()));
        assert_eq!(DeliveryBlock::None.allows(DeliveryMode::Pickup), Ok(()));
        assert_eq!(DeliveryBlock::default(), DeliveryBlock::None);
    }

    #[test]
    fn r_sales_13_blocking_delivery_leaves_pickup_only() {
        assert_eq!(
            DeliveryBlock::BlocksDelivery.allows(DeliveryMode::Delivery),
            Err("Este cliente só aceita pedidos do tipo retira.")
        );
        assert_eq!(
            DeliveryBlock::BlocksDelivery.allows(DeliveryMode::Pickup),
            Ok(())
        );
    }

    #[test]
    fn r_sales_13_blocking_pickup_leaves_delivery_only() {
        assert_eq!(
            DeliveryBlock::BlocksPickup.allows(DeliveryMode::Pickup),
            Err("Este cliente só aceita pedidos do tipo entrega.")
        );
        assert_eq!(
            DeliveryBlock::BlocksPickup.allows(DeliveryMode::Delivery),
            Ok(())
        );
    }

    #[test]
    fn r_sales_13_blocks_and_modes_keep_their_stored_codes_and_labels() {
        assert_stable_codes(DeliveryBlock::ALL, DeliveryBlock::code);
        assert_stable_codes(DeliveryMode::ALL, DeliveryMode::code);
        assert_eq!(DeliveryBlock::BlocksDelivery.code(), "blocks_delivery");
        assert_eq!(DeliveryMode::Pickup.label(), "Retira");
    }
}
