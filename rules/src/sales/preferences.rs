//! R-SALES-14: preferences with a fixed choice — the lot suggested when picking goods, and
//! whether each of five e-mail attachments is sent. Both are suggestions the establishment's
//! own settings complete: "default" follows the establishment's "e-mail attachments".

use serde::{Deserialize, Serialize};

use super::choice::choice;

choice! {
    #[derive(Default)]
    pub enum SuggestedLot {
        #[default]
        None = "none" => "Não sugerir",
        /// First in, first out: the usual choice.
        Oldest = "oldest" => "Mais antigo",
        /// For contracts or long transports that need fresh lots.
        Newest = "newest" => "Mais recente",
    }
}

choice! {
    #[derive(Default)]
    pub enum EmailAttachment {
        #[default]
        FollowEstablishment = "default" => "Padrão",
        DoNotSend = "do_not_send" => "Não enviar",
        Send = "send" => "Enviar",
    }
}

impl EmailAttachment {
    /// Whether the file goes with the e-mail, given the establishment's default for it.
    pub fn sends(self, establishment_sends: bool) -> bool {
        match self {
            EmailAttachment::FollowEstablishment => establishment_sends,
            EmailAttachment::DoNotSend => false,
            EmailAttachment::Send => true,
        }
    }
}

choice! {
    /// The five files an e-mail of a document may carry.
    pub enum AttachmentKind {
        Attachments = "attachments" => "Anexos do documento",
        LotPdf = "lot_pdf" => "PDF do lote",
        BoletoPdf = "boleto_pdf" => "PDF do boleto",
        DocumentPdf = "document_pdf" => "PDF do documento",
        DocumentXml = "document_xml" => "XML do documento",
    }
}

/// The customer's five attachment settings; a new customer follows the establishment in all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct EmailAttachments {
    pub attachments: EmailAttachment,
    pub lot_pdf: EmailAttachment,
    pub boleto_pdf: EmailAttachment,
    pub document_pdf: EmailAttachment,
    pub document_xml: EmailAttachment,
}

impl EmailAttachments {
    pub fn get(&self, kind: AttachmentKind) -> EmailAttachment {
        match kind {
            AttachmentKind::Attachments => self.attachments,
            AttachmentKind::LotPdf => self.lot_pdf,
            AttachmentKind::BoletoPdf => self.boleto_pdf,
            AttachmentKind::DocumentPdf => self.document_pdf,
            AttachmentKind::DocumentXml => self.document_xml,
        }
    }

    pub fn set(&mut self, kind: AttachmentKind, value: EmailAttachment) {
        let slot = match kind {
            AttachmentKind::Attachments => &mut self.attachments,
            AttachmentKind::LotPdf => &mut self.lot_pdf,
            AttachmentKind::BoletoPdf => &mut self.boleto_pdf,
            AttachmentKind::DocumentPdf => &mut self.document_pdf,
            AttachmentKind::DocumentXml => &mut self.document_xml,
        };
        *slot = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sales::choice::assert_stable_codes;

    #[test]
    fn r_sales_14_choices_keep_their_stored_codes_and_portuguese_labels() {
        assert_stable_codes(SuggestedLot::ALL, SuggestedLot::code);
        assert_stable_codes(EmailAttachment::ALL, EmailAttachment::code);
        assert_stable_codes(AttachmentKind::ALL, AttachmentKind::code);
        assert_eq!(SuggestedLot::Oldest.label(), "Mais antigo");
        assert_eq!(EmailAttachment::FollowEstablishment.code(), "default");
        assert_eq!(EmailAttachment::DoNotSend.label(), "Não enviar");
        assert_eq!(AttachmentKind::ALL.len(), 5);
    }

    #[test]
    fn r_sales_14_a_new_customer_suggests_no_lot_and_follows_the_establishment() {
        assert_eq!(SuggestedLot::default(), SuggestedLot::None);
        let attachments = EmailAttachments::default();
        for &kind in AttachmentKind::ALL {
            assert_eq!(attachments.get(kind), EmailAttachment::FollowEstablishment);
        }
    }

    #[test]
    fn r_sales_14_default_follows_the_establishment_and_the_others_decide() {
        assert!(EmailAttachment::FollowEstablishment.sends(true));
        assert!(!EmailAttachment::FollowEstablishment.sends(false));
        assert!(!EmailAttachment::DoNotSend.sends(true));
        assert!(EmailAttachment::Send.sends(false));
    }

    #[test]
    fn r_sales_14_each_attachment_setting_is_its_own() {
        let mut attachments = EmailAttachments::default();
        attachments.set(AttachmentKind::BoletoPdf, EmailAttachment::Send);
        attachments.set(AttachmentKind::DocumentXml, EmailAttachment::DoNotSend);
        assert_eq!(attachments.boleto_pdf, EmailAttachment::Send);
        assert_eq!(
            attachments.get(AttachmentKind::DocumentXml),
            EmailAttachment::DoNotSend
        );
        assert_eq!(
            attachments.get(AttachmentKind::LotPdf),
            EmailAttachment::FollowEstablishment
        );
    }
}
